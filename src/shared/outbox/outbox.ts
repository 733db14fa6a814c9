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
    // more than its execution. Pipelined: nothing here reads its answer. The events travel as one
    // JSON array, their payloads inside it: encoded once, not once more as elements of a text
    // array (which pg escapes character by character).
    await this.tx.write(
      `WITH e AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (client_id text, aggregate_id text,
                                  type text, payload jsonb, occurred_at timestamptz))
                  WITH ORDINALITY AS e(client_id, aggregate_id, type, payload, occurred_at, n)
       ), counters AS (
         INSERT INTO outbox_sequences AS s (client_id, aggregate_id, last_seq)
         SELECT client_id, aggregate_id, count(*) FROM e
          GROUP BY client_id, aggregate_id ORDER BY client_id, aggregate_id
         ON CONFLICT (client_id, aggregate_id) DO UPDATE SET last_seq = s.last_seq + EXCLUDED.last_seq
         RETURNING client_id, aggregate_id, last_seq
       )
       INSERT INTO outbox (client_id, aggregate_id, type, payload, occurred_at, seq)
       SELECT e.client_id, e.aggregate_id, e.type, e.payload, e.occurred_at,
              c.last_seq - count(*) OVER w + row_number() OVER (w ORDER BY e.n)
         FROM e JOIN counters c USING (client_id, aggregate_id)
       WINDOW w AS (PARTITION BY e.client_id, e.aggregate_id)`,
      [
        JSON.stringify(
          events.map((e) => ({
            client_id: e.clientId,
            aggregate_id: e.aggregateId,
            type: e.type,
            payload: e.payload(),
            occurred_at: e.occurredAt.toISOString(),
          })),
        ),
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
