/**
 * A committed domain event as the relay hands it to subscribers (and to the CQRS event bus).
 * `id` is the outbox row's id: the same on every redelivery, so subscribers dedupe on it.
 */
export class OutboxEvent {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly clientId: string,
    readonly aggregateId: string,
    /** 1, 2, 3… per aggregate (a case, a case type…), in commit order. */
    readonly sequence: number,
    readonly occurredAt: Date,
    readonly payload: Record<string, unknown>,
  ) {}
}
