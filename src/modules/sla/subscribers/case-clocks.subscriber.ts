import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../../shared/domain/domain-event';
import { TransactionalSubscriber } from '../../../shared/outbox/transactional-subscriber';
import { CaseCreatedEvent } from '../../cases';
import { CaseEvent } from '../../cases';
import { CaseTypeCatalog } from '../../definitions';
import { clockChangeOf } from '../domain/case-clock-change';
import { slaInstancesAtCreation } from '../domain/sla-instances-at-creation';
import { SlaTracker } from '../sla-tracker';

/**
 * The SLA clocks of a case, in the transaction that saves it: a created case gets an instance
 * of each SLA of its type (and priority), then every state or priority change moves the clocks.
 */
@Injectable()
export class CaseClocksSubscriber extends TransactionalSubscriber {
  readonly name = 'sla-clocks';
  readonly order = 30;

  constructor(
    private readonly tracker: SlaTracker,
    private readonly catalog: CaseTypeCatalog,
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
      const change = clockChangeOf(caseEvents);
      if (change) await this.tracker.track(change);
    }
  }

  private async start(created: CaseEvent): Promise<void> {
    const { case: subject, slaDefinitions } = created.context;
    if (!subject) return;
    const definitions =
      slaDefinitions ?? (await this.catalog.findAny(created.clientId, subject.caseTypeId)).slas;
    const instances = slaInstancesAtCreation(definitions, subject.priorityId, created.occurredAt);
    await this.tracker.start(created.clientId, created.aggregateId, instances);
  }
}

function byCase(events: CaseEvent[]): CaseEvent[][] {
  const cases = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const key = `${e.clientId}:${e.aggregateId}`;
    cases.set(key, [...(cases.get(key) ?? []), e]);
  }
  return [...cases.values()];
}
