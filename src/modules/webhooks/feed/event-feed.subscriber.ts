import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { OutboxEvent } from '../../../shared/outbox/outbox-event';
import { OutboxSubscriber } from '../../../shared/outbox/outbox-subscriber';
import { Clock } from '../../../shared/time/clock';
import { eventFilterSql } from '../domain/event-filter';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { caseIdOf, envelopeOf } from './event-envelope';

/**
 * Appends each committed event to its tenant's change feed and queues one webhook delivery per
 * matching active endpoint, in one transaction. The feed position comes from a per-tenant counter
 * row locked until commit, so positions become visible in increasing order: a reader past
 * position p never misses a later commit below p (the outbox id, assigned at insert, would).
 * A redelivered event finds its feed row and does nothing again.
 */
@Injectable()
export class EventFeedSubscriber extends OutboxSubscriber {
  readonly name = 'change-feed';

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly dispatcher: WebhookDispatcher,
  ) {
    super();
  }

  async handle(event: OutboxEvent): Promise<void> {
    await this.tx.run(async () => {
      const seen = await this.tx.query(`SELECT 1 FROM event_feed WHERE event_id = $1`, [event.id]);
      if (seen.length > 0) return;
      // The relay's ack, a synchronous commit after this one, flushes this commit's WAL too; a
      // crash before it loses both, and the relay delivers the event again.
      await this.tx.write(`SET LOCAL synchronous_commit TO OFF`);
      const now = this.clock.now();
      await this.tx.write(
        `WITH n AS (
           INSERT INTO event_feed_counters AS c (client_id, last_position) VALUES ($1, 1)
           ON CONFLICT (client_id) DO UPDATE SET last_position = c.last_position + 1
           RETURNING last_position)
         INSERT INTO event_feed (client_id, position, event_id, type, case_id, occurred_at, data,
                                 appended_at)
         SELECT $1, n.last_position, $2, $3, $4, $5, $6, $7 FROM n`,
        [
          event.clientId,
          event.id,
          event.type,
          caseIdOf(event) ?? null,
          event.occurredAt,
          event.payload,
          now,
        ],
      );
      const queued = await this.queueDeliveries(event, now);
      if (queued > 0) this.tx.afterCommit(() => this.dispatcher.nudge());
    });
  }

  /**
   * The same for a batch, in one transaction of a few statements: events already in the feed are
   * skipped, the others take consecutive positions of their tenant in batch order (so in each
   * case's order) and queue their deliveries. All or none: on a throw the relay falls back to
   * `handle`, event by event.
   */
  override async handleBatch(events: OutboxEvent[]): Promise<void> {
    await this.tx.run(async () => {
      const seen = await this.tx.query<{ event_id: string }>(
        `SELECT event_id FROM event_feed WHERE event_id = ANY($1::uuid[])`,
        [events.map((e) => e.id)],
      );
      const skip = new Set(seen.map((r) => r.event_id));
      const fresh = events.filter((e) => !skip.has(e.id));
      if (fresh.length === 0) return;
      // Pipelined (write), as is the append: their answers are not read.
      await this.tx.write(`SET LOCAL synchronous_commit TO OFF`);
      const now = this.clock.now();
      await this.appendAll(fresh, now);
      const queued = await this.queueAllDeliveries(fresh, now);
      if (queued > 0) this.tx.afterCommit(() => this.dispatcher.nudge());
    });
  }

  private appendAll(events: OutboxEvent[], now: Date) {
    return this.tx.write(
      `WITH e AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (client_id text, event_id uuid,
                                  type text, case_id uuid, occurred_at timestamptz, data jsonb))
                  WITH ORDINALITY AS e(client_id, event_id, type, case_id, occurred_at, data, i)
       ), n AS (
         INSERT INTO event_feed_counters AS c (client_id, last_position)
         SELECT client_id, count(*) FROM e GROUP BY client_id ORDER BY client_id
         ON CONFLICT (client_id) DO UPDATE SET last_position = c.last_position + EXCLUDED.last_position
         RETURNING client_id, last_position
       )
       INSERT INTO event_feed (client_id, position, event_id, type, case_id, occurred_at, data,
                               appended_at)
       SELECT e.client_id, n.last_position - count(*) OVER w + row_number() OVER (w ORDER BY e.i),
              e.event_id, e.type, e.case_id, e.occurred_at, e.data, $2
         FROM e JOIN n USING (client_id)
       WINDOW w AS (PARTITION BY e.client_id)`,
      [
        JSON.stringify(
          events.map((e) => ({
            client_id: e.clientId,
            event_id: e.id,
            type: e.type,
            case_id: caseIdOf(e) ?? null,
            occurred_at: e.occurredAt.toISOString(),
            data: e.payload,
          })),
        ),
        now,
      ],
    );
  }

  private async queueAllDeliveries(events: OutboxEvent[], now: Date): Promise<number> {
    const rows = await this.tx.query(
      `INSERT INTO webhook_deliveries (id, client_id, webhook_id, event_id, event_type, lane, seq,
                                       body, status, next_attempt_at, committed_at, created_at)
       SELECT gen_random_uuid(), e.client_id, w.id, e.event_id, e.type, e.lane, e.seq, e.body,
              'pending', $2, e.committed_at, $2
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (client_id text, event_id text, type text,
                         lane text, seq bigint, body text, committed_at timestamptz))
              WITH ORDINALITY AS e(client_id, event_id, type, lane, seq, body, committed_at, i)
         JOIN webhooks w ON w.client_id = e.client_id AND w.active
                        AND ${eventFilterSql('w.events', 'e.type')}
        ORDER BY e.i, w.id
       ON CONFLICT (webhook_id, event_id) DO NOTHING
       RETURNING 1`,
      [
        JSON.stringify(
          events.map((e) => ({
            client_id: e.clientId,
            event_id: e.id,
            type: e.type,
            lane: e.aggregateId,
            seq: e.sequence,
            body: JSON.stringify(envelopeOf(e)),
            committed_at: e.occurredAt.toISOString(),
          })),
        ),
        now,
      ],
    );
    return rows.length;
  }

  private async queueDeliveries(event: OutboxEvent, now: Date): Promise<number> {
    const endpoints = await this.tx.query<{ id: string }>(
      `SELECT id FROM webhooks w WHERE client_id = $1 AND active
          AND ${eventFilterSql('w.events', '$2::text')}`,
      [event.clientId, event.type],
    );
    if (endpoints.length === 0) return 0;
    await this.tx.write(
      `INSERT INTO webhook_deliveries (id, client_id, webhook_id, event_id, event_type, lane, seq,
                                       body, status, next_attempt_at, committed_at, created_at)
       SELECT d.id, $3, d.webhook_id, $4, $5, $6, $7, $8, 'pending', $9, $10, $9
         FROM unnest($1::uuid[], $2::uuid[]) AS d(id, webhook_id)
       ON CONFLICT (webhook_id, event_id) DO NOTHING`,
      [
        endpoints.map(() => randomUUID()),
        endpoints.map((e) => e.id),
        event.clientId,
        event.id,
        event.type,
        event.aggregateId,
        event.sequence,
        JSON.stringify(envelopeOf(event)),
        now,
        event.occurredAt,
      ],
    );
    return endpoints.length;
  }
}
