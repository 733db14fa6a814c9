import { OutboxEvent } from './outbox-event';

/**
 * An in-process observer of committed events that keeps no state of its own in the database (a
 * metrics counter, the CQRS event bus). Unlike an OutboxSubscriber it gets no delivery rows, so
 * it costs the relay no write per event: the relay hands it each batch it fans out, inside the
 * fan-out's transaction, before that commits. Hence:
 * - at least once: a relay that dies before its fan-out commits fans the same events out again;
 * - in order per aggregate within a batch (by `occurredAt`, then `sequence`); batches fanned out
 *   by different replicas at once may interleave;
 * - never retried: a throw is logged and the fan-out goes on. A reaction that must happen, or that
 *   writes, is an OutboxSubscriber.
 *
 * Any provider extending this class is found by the relay.
 */
export abstract class OutboxTap {
  abstract readonly name: string;

  abstract observe(events: readonly OutboxEvent[]): void;
}
