import { Injectable } from '@nestjs/common';
import { Actor } from '../../shared/auth/actor';
import { CaseState } from '../../shared/domain/case-state';
import { Directory } from '../../shared/directory/directory';
import { Outbox } from '../../shared/outbox/outbox';
import { CaseAutoAssignedEvent, CaseAutoAssignmentSkippedEvent, CaseEvent } from '../cases';
import { CaseRepository } from '../cases';
import { CaseTypeCatalog } from '../definitions';
import { pickAgent, PickOutcome, PickStrategy } from './domain/pick-agent';
import { AssignmentStore } from './infrastructure/assignment.store';

/** The activity entry lists this many members at most (groups can be large). */
export const MAX_LISTED_MEMBERS = 50;

const CLOSED: readonly CaseState[] = [CaseState.RESOLVED, CaseState.COMPLETED, CaseState.CANCELED];

/**
 * Picks an agent for a case that has none, in the transaction of the change that left it
 * without one (its creation or its unclaim), and records why: an agent's assignment, or the
 * reason nobody was picked. Cases of types without a rule (or `none`) are left alone.
 */
@Injectable()
export class AutoAssigner {
  constructor(
    private readonly catalog: CaseTypeCatalog,
    private readonly directory: Directory,
    private readonly store: AssignmentStore,
    private readonly cases: CaseRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Whether `trigger` left an open case with no agent. */
  static needsAgent(trigger: CaseEvent): boolean {
    const subject = trigger.context.case;
    return !!subject && subject.assignedToUsers.length === 0 && !CLOSED.includes(subject.state);
  }

  async assign(trigger: CaseEvent): Promise<void> {
    const { clientId, aggregateId: caseId, occurredAt: at } = trigger;
    const caseTypeId = trigger.context.case?.caseTypeId;
    if (!caseTypeId) return;
    // A created case's event carries its type's rule as read for the creation: none, no read.
    const known = trigger.context.assignment;
    if (known === null || known?.strategy === 'none') return;
    const type = await this.catalog.findAny(clientId, caseTypeId);
    const rule = type.assignment;
    if (!rule || rule.strategy === 'none') return;
    const groups = rule.groups ?? type.defaultAssignedToGroups;
    const lastPicked = await this.store.lockCursor(clientId, caseTypeId, at);
    const members = groups.length ? await this.directory.activeMembers(clientId, groups) : [];
    const ids = members.map((m) => m.id);
    const outcome = pickAgent({
      strategy: rule.strategy as PickStrategy,
      members: ids,
      loads: await this.store.openLoads(clientId, caseTypeId, ids),
      capacity: rule.capacity,
      lastPicked,
      excluded: lostUsers(trigger),
    });
    const data = {
      trigger: trigger.type,
      strategy: rule.strategy,
      groups: [...groups],
      capacity: rule.capacity,
      ...explained(outcome, groups.length === 0),
    };
    const ctx = { actor: Actor.system(clientId), at };
    if (!outcome.assignee) {
      const context = { case: trigger.context.case };
      const event = new CaseAutoAssignmentSkippedEvent(
        clientId,
        caseId,
        at,
        'system',
        null,
        data,
        context,
      );
      return this.outbox.append([event]);
    }
    await this.store.advanceCursor(clientId, caseTypeId, outcome.assignee, at);
    const kase = await this.cases.findForUpdate(clientId, { id: caseId });
    if (!kase) return;
    const changes = { assignedToUsers: { old: [], new: [outcome.assignee] } };
    const patch = { assignedToUsers: [outcome.assignee] };
    kase.applyChange({ event: CaseAutoAssignedEvent, data: { ...data, changes }, patch }, ctx);
    await this.cases.save(kase);
  }
}

/** The users an unclaim took the case from (its `changes`; the event's actor otherwise). */
function lostUsers(trigger: CaseEvent): string[] {
  if (trigger.type !== 'case.unclaimed') return [];
  const old = trigger.data.changes?.assignedToUsers?.old;
  return Array.isArray(old) ? old.map(String) : [trigger.actorId];
}

function explained(outcome: PickOutcome, noGroups: boolean) {
  const { considered, assignee } = outcome;
  return {
    assignee,
    ...(assignee ? {} : { reason: noGroups ? 'no-groups' : outcome.reason }),
    consideredCount: considered.length,
    considered: considered.slice(0, MAX_LISTED_MEMBERS),
  };
}
