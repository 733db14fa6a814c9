import { OutboxEvent } from './outbox-event';

export interface DeliveryContext {
  /** 1 on the first delivery of this event to this subscriber, then 2, 3… */
  attempt: number;
}

/**
 * An after-commit consumer of domain events (notifications, metrics, webhooks, a queue, a change
 * feed). Any provider extending this class is found by the relay, which delivers each event of a
 * type it `handles`:
 * - at least once: a crash or an expired lease delivers again, so `handle` must be idempotent
 *   (dedupe on `event.id`, or write with ON CONFLICT DO NOTHING);
 * - per aggregate in `sequence` order: the next event of a case waits until this one succeeded;
 *   other cases and other subscribers go on;
 * - until it succeeds: a throw is retried with exponential backoff, never skipped;
 * - within the lease (OUTBOX_LEASE_SECONDS), or another relay may deliver it again meanwhile.
 *
 * `name` keys the subscriber's pending deliveries in the database: keep it stable.
 */
export abstract class OutboxSubscriber {
  abstract readonly name: string;

  /** Whether events of `type` may concern this subscriber (all, unless overridden). */
  handles(_type: string): boolean {
    return true;
  }

  /**
   * Whether this subscriber gets `event`: `handles(event.type)`, unless overridden to read the
   * payload too. Decided once, as the relay fans the event out, from the event alone; an event
   * refused here gets no delivery, and costs the relay no write.
   */
  receives(event: OutboxEvent): boolean {
    return this.handles(event.type);
  }

  abstract handle(event: OutboxEvent, context: DeliveryContext): Promise<void>;

  /**
   * Optional: delivers many events at once (one transaction), all or none. The relay then claims
   * several events of a lane per round and hands them over in lane order (each aggregate's events
   * by `sequence`; different aggregates interleaved); a throw makes it deliver them one by one
   * through `handle` instead. The same rules hold: idempotent, at least once.
   */
  handleBatch?(events: OutboxEvent[]): Promise<void>;
}
