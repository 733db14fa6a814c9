import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { DomainEvent } from '../../../shared/domain/domain-event';
import { TransactionalSubscriber } from '../../../shared/outbox/transactional-subscriber';
import { CaseCreatedEvent, CaseEvent } from '../../cases';
import { clockChangeOf } from '../domain/case-clock-change';
import { countsAsFirstResponse, mayRespond } from '../domain/first-response';
import { SlaTracker } from '../sla-tracker';

/**
 * The SLA clocks of a case, in the transaction that saves it: a created case gets an instance
 * of each SLA of its type (and priority), then every state or priority change moves the clocks,
 * and the first response meets its first-response SLAs.
 */
@Injectable()
export class CaseClocksSubscriber extends TransactionalSubscriber {
  readonly name = 'sla-clocks';
  readonly order = 30;

  constructor(
    private readonly tracker: SlaTracker,
    private readonly tx: TransactionManager,
  ) {
    super();
  }

  handles(event: DomainEvent): boolean {
    return event instanceof CaseEvent;
  }

  async handle(events: DomainEvent[]): Promise<void> {
    for (const caseEvents of byCase(events as CaseEvent[])) {
      const created = caseEvents.find((e) => e instanceof CaseCreatedEvent);
      if (created) await this.start(created);
      // start() left a created case's clocks (and summary) in its created state at that moment:
      // they only move for a later state or priority change of the same save.
      const moved = created
        ? caseEvents.filter((e) => e !== created && movesClocks(e))
        : caseEvents;
      const change = moved.length > 0 ? clockChangeOf(caseEvents) : null;
      if (change) await this.tracker.track(change);
      await this.respond(caseEvents);
    }
  }

  private async start(created: CaseEvent): Promise<void> {
    const { case: subject, slaDefinitions } = created.context;
    if (!subject) return;
    await this.tracker.start({
      clientId: created.clientId,
      caseId: created.aggregateId,
      caseTypeId: subject.caseTypeId,
      priorityId: subject.priorityId,
      state: subject.state,
      at: created.occurredAt,
      definitions: slaDefinitions,
    });
  }

  private async respond(events: CaseEvent[]): Promise<void> {
    const candidates = events.filter(mayRespond);
    if (candidates.length === 0) return;
    const [first] = candidates;
    const [row] = await this.tx.query<{ initiator_id: string }>(
      `SELECT initiator_id FROM cases WHERE client_id = $1 AND id = $2`,
      [first.clientId, first.aggregateId],
    );
    const response = candidates.find((e) => countsAsFirstResponse(e, row?.initiator_id ?? ''));
    if (response) {
      await this.tracker.respond(response.clientId, response.aggregateId, response.occurredAt);
    }
  }
}

const movesClocks = (e: CaseEvent) =>
  e.data.toState !== undefined || e.data.changes?.priorityId !== undefined;

function byCase(events: CaseEvent[]): CaseEvent[][] {
  const cases = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const key = `${e.clientId}:${e.aggregateId}`;
    cases.set(key, [...(cases.get(key) ?? []), e]);
  }
  return [...cases.values()];
}
