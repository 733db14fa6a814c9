/** Something that happened to an aggregate; written to the outbox and then published. */
export abstract class DomainEvent {
  abstract readonly type: string;

  constructor(
    readonly clientId: string,
    readonly aggregateId: string,
    readonly occurredAt: Date,
  ) {}

  abstract payload(): Record<string, unknown>;
}
