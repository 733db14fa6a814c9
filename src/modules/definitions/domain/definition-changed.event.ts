import { DomainEvent } from '../../../shared/domain/domain-event';

/** Any change to a definition; `type` is e.g. `solution.created` or `case-type.file-uploaded`. */
export class DefinitionChangedEvent extends DomainEvent {
  constructor(
    clientId: string,
    aggregateId: string,
    occurredAt: Date,
    readonly type: string,
    readonly actorId: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(clientId, aggregateId, occurredAt);
  }

  payload(): Record<string, unknown> {
    return { id: this.aggregateId, actorId: this.actorId, ...this.details };
  }
}
