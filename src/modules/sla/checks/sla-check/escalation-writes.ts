import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { DomainError } from '../../../../shared/errors/domain-error';
import { EditCaseCommand } from '../../../cases';
import { caseWritesOf, EscalationRung } from '../../domain/sla-escalation';

type CaseEditInput = ConstructorParameters<typeof EditCaseCommand>[2];

/** A claimed case and the rungs fired on it now. */
export interface EscalatedCase {
  clientId: string;
  caseId: string;
  priorityId: string | null;
  assignedToUsers: string[];
  assignedToGroups: string[];
  rungs: EscalationRung[];
}

/**
 * The case writes of fired rungs (`assign`, `raisePriority`), as one edit per case by the system
 * actor through the case's own edit command, inside the check's transaction (which it joins):
 * the same rules as a user's edit (priority must be usable, SLAs re-selected on a priority
 * change), a version bump, `case.updated` with its activity and notifications. The check already
 * holds the case row lock, so the command's own lock is re-entrant and no user's concurrent
 * edit is lost: theirs waits for the check's commit and then sees the new version.
 */
@Injectable()
export class EscalationWrites {
  private readonly logger = new Logger(EscalationWrites.name);

  constructor(private readonly commands: CommandBus) {}

  async apply(cases: EscalatedCase[], now: Date): Promise<void> {
    for (const kase of cases) await this.applyTo(kase, now);
  }

  private async applyTo(kase: EscalatedCase, now: Date): Promise<void> {
    const { users, groups, priorityId } = caseWritesOf(kase.rungs);
    const changes: CaseEditInput = {};
    const newUsers = users.filter((u) => !kase.assignedToUsers.includes(u));
    const newGroups = groups.filter((g) => !kase.assignedToGroups.includes(g));
    if (newUsers.length > 0) changes.assignedToUsers = [...kase.assignedToUsers, ...newUsers];
    if (newGroups.length > 0) changes.assignedToGroups = [...kase.assignedToGroups, ...newGroups];
    const assign = { ...changes };
    if (priorityId && priorityId !== kase.priorityId) changes.priorityId = priorityId;
    if (Object.keys(changes).length === 0) return;
    if (await this.edit(kase, changes, now)) return;
    // The priority was refused (gone, inactive): the assignment still goes through.
    if (changes.priorityId && Object.keys(assign).length > 0) await this.edit(kase, assign, now);
  }

  /** False when the case's rules refuse the edit (logged; the rung stays fired). */
  private async edit(kase: EscalatedCase, changes: CaseEditInput, now: Date): Promise<boolean> {
    const command = new EditCaseCommand(Actor.system(kase.clientId), { id: kase.caseId }, changes);
    try {
      await this.commands.execute(command);
      return true;
    } catch (error) {
      // Only a rule refusal is survivable: a failed statement has aborted the transaction.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ caseId: kase.caseId, changes, err: error, at: now }, 'escalation refused');
      return false;
    }
  }
}
