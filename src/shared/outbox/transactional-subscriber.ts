import { DomainEvent } from '../domain/domain-event';

/**
 * An in-transaction reaction to domain events: the data that must change atomically with the
 * aggregate (an activity entry, SLA clocks, comment rows). Any provider extending this class is
 * found by TransactionalDispatcher, which Outbox.append calls in the writer's transaction, right
 * after the events are stored: a throw rolls the whole command back.
 *
 * Subscribers run one after the other in ascending `order` (ties: by name), each with the events
 * of the batch it `handles`, in the order they were recorded. The orders in use:
 * 10 activity (the case log), 20 comments (comment rows), 30 sla (SLA instances and clocks; a
 * re-selection appends its own event, whose activity entry thus follows the change's).
 *
 * A subscriber may append events of its own (Outbox.append): they are stored and dispatched
 * in turn, before the outer dispatch goes on. Reactions that may happen after commit
 * (notifications, webhooks) are OutboxSubscribers instead.
 */
export abstract class TransactionalSubscriber {
  abstract readonly name: string;
  abstract readonly order: number;

  abstract handles(event: DomainEvent): boolean;

  abstract handle(events: DomainEvent[]): Promise<void>;
}
