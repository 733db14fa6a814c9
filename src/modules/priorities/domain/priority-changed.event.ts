import { DomainEvent } from '../../../shared/domain/domain-event';

export type PriorityChange = 'created' | 'updated' | 'deleted';

export class PriorityChangedEvent extends DomainEvent {
  readonly type: string;

  constructor(
    clientId: string,
    aggregateId: string,
    occurredAt: Date,
    readonly change: PriorityChange,
    readonly actorId: string,
  ) {
    super(clientId, aggregateId, occurredAt);
    this.type = `priority.${change}`;
  }

  payload(): Record<string, unknown> {
    return { priorityId: this.aggregateId, actorId: this.actorId };
  }
}
