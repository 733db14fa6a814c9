import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../domain/domain-event';
import { TransactionManager } from '../database/transaction-manager';
import { TransactionalDispatcher } from './transactional-dispatcher';

/**
 * Writes domain events to the outbox table in the caller's transaction, then hands them to the
 * in-transaction subscribers (TransactionalSubscriber) in that same transaction; the outbox relay
 * delivers them to the after-commit subscribers (OutboxSubscriber) once it has committed.
 */
@Injectable()
export class Outbox {
  private readonly committedListeners = new Set<() => void>();

  constructor(
    private readonly tx: TransactionManager,
    private readonly dispatcher: TransactionalDispatcher,
  ) {}

  /**
   * Numbers each aggregate's events from `outbox_sequences`, whose rows stay locked until this
   * transaction ends: another writer of the same aggregate (a command, a job that does not hold
   * the case row) waits there, so sequence order is commit order. Rows are locked in key order,
   * so two writers of the same aggregates cannot deadlock here. The in-transaction subscribers
   * run last: a throw there rolls the events back with everything else.
   */
  async append(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Prepared: one fixed text on every command, whose planning (a CTE, an upsert, a window) cost
    // more than its execution. Pipelined: nothing here reads its answer.
    await this.tx.write(
      `WITH e AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                  WITH ORDINALITY AS e(client_id, aggregate_id, type, payload, occurred_at, n)
       ), counters AS (
         INSERT INTO outbox_sequences AS s (client_id, aggregate_id, last_seq)
         SELECT client_id, aggregate_id, count(*) FROM e
          GROUP BY client_id, aggregate_id ORDER BY client_id, aggregate_id
         ON CONFLICT (client_id, aggregate_id) DO UPDATE SET last_seq = s.last_seq + EXCLUDED.last_seq
         RETURNING client_id, aggregate_id, last_seq
       )
       INSERT INTO outbox (client_id, aggregate_id, type, payload, occurred_at, seq)
       SELECT e.client_id, e.aggregate_id, e.type, e.payload::jsonb, e.occurred_at::timestamptz,
              c.last_seq - count(*) OVER w + row_number() OVER (w ORDER BY e.n)
         FROM e JOIN counters c USING (client_id, aggregate_id)
       WINDOW w AS (PARTITION BY e.client_id, e.aggregate_id)`,
      [
        events.map((e) => e.clientId),
        events.map((e) => e.aggregateId),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.payload())),
        events.map((e) => e.occurredAt.toISOString()),
      ],
      { prepared: true },
    );
    this.tx.afterCommit(() => this.committedListeners.forEach((listener) => listener()));
    await this.dispatcher.dispatch(events);
  }

  /** Calls `listener` after each commit that wrote outbox rows (the relay's wake-up). */
  onCommitted(listener: () => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }
}
