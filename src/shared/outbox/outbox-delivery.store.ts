import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../database/transaction-manager';
import { OutboxEvent } from './outbox-event';

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  /** The claim: only while `available_at` still holds it may this relay ack or retry it. */
  lease: Date;
  event: OutboxEvent;
}

export interface FailedDelivery {
  delivery: ClaimedDelivery;
  retryAt: Date;
  error: string;
}

/** An outbox row as the relay reads it (`id AS event_id`). */
export interface EventRow {
  event_id: string;
  type: string;
  client_id: string;
  aggregate_id: string;
  seq: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

interface ClaimedRow extends EventRow {
  id: string;
  attempts: number;
  lease: Date;
  depth: string;
  n: string;
}

/** The relay's SQL: fan-out of outbox rows, claims, acks and retries of deliveries, the purge. */
@Injectable()
export class OutboxDeliveryStore {
  constructor(private readonly tx: TransactionManager) {}

  /**
   * Claims a batch of outbox rows not fanned out yet (SKIP LOCKED: replicas take different rows)
   * and writes a delivery per subscriber `route` names; a row nobody receives is published at once.
   * `observe` gets the batch's events (by occurrence, then sequence) before the fan-out commits,
   * outside its transaction (what an event bus handler queries does not join it).
   */
  fanOut(
    limit: number,
    now: Date,
    route: (event: OutboxEvent) => string[],
    observe?: (events: OutboxEvent[]) => void,
  ): Promise<number> {
    return this.tx.run(async () => {
      const rows = await this.tx.query<EventRow>(
        `SELECT id AS event_id, type, client_id, aggregate_id, seq, occurred_at, payload
           FROM outbox WHERE fanned_out_at IS NULL
          ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const events = rows.map(toEvent);
      const pairs = events.flatMap((e) => route(e).map((subscriber) => [subscriber, e.id]));
      // Pipelined (write): neither answer is read, so both go out with the COMMIT.
      if (pairs.length > 0) {
        await this.tx.write(
          `INSERT INTO outbox_deliveries
             (subscriber, outbox_id, client_id, aggregate_id, seq, occurred_at, available_at, created_at)
           SELECT d.subscriber, o.id, o.client_id, o.aggregate_id, o.seq, o.occurred_at, $3, $3
             FROM unnest($1::text[], $2::uuid[]) AS d(subscriber, outbox_id)
             JOIN outbox o ON o.id = d.outbox_id`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1]), now],
        );
      }
      const routed = [...new Set(pairs.map((p) => p[1]))];
      await this.tx.write(
        `UPDATE outbox SET fanned_out_at = $3,
                published_at = CASE WHEN id = ANY($2::uuid[]) THEN NULL ELSE $3::timestamptz END
          WHERE id = ANY($1::uuid[])`,
        [events.map((e) => e.id), routed, now],
      );
      if (observe) {
        const ordered = [...events].sort(
          (a, b) =>
            a.occurredAt.getTime() - b.occurredAt.getTime() ||
            a.sequence - b.sequence ||
            a.id.localeCompare(b.id),
        );
        this.tx.outside(() => observe(ordered));
      }
      return rows.length;
    });
  }

  /**
   * Claims, for one subscriber, the head of each aggregate's lane: the pending delivery with no
   * earlier one before it, either pending or still to be fanned out (an earlier event is always
   * committed first, see the migration). A claimed head stays pending until acked, so no relay
   * can take the next event of that aggregate meanwhile: per-aggregate order across replicas.
   * Behind each head it also claims up to `depth - 1` of the lane's next deliveries, as long as
   * they are due and no earlier event of theirs is still to be fanned out; only the relay holding
   * the head can take them (no other relay sees them as heads while it is pending). The batch is
   * at most `limit` rows, filled lane position by lane position (every head, then every second
   * event, ...), so a lane's claims are always its first events; it is returned in that order.
   */
  async claim(subscriber: string, now: Date, lease: Date, limit: number, depth = 1) {
    const rows = await this.tx.query<ClaimedRow>(
      `WITH heads AS (
         SELECT h.id, h.client_id, h.aggregate_id, h.seq, h.available_at
           FROM outbox_deliveries h
          WHERE h.subscriber = $1 AND h.available_at <= $2
            AND NOT EXISTS (SELECT 1 FROM outbox_deliveries e
                             WHERE e.subscriber = h.subscriber AND e.client_id = h.client_id
                               AND e.aggregate_id = h.aggregate_id AND e.seq < h.seq)
            AND NOT EXISTS (SELECT 1 FROM outbox u
                             WHERE u.client_id = h.client_id AND u.aggregate_id = h.aggregate_id
                               AND u.seq < h.seq AND u.fanned_out_at IS NULL)
          ORDER BY h.available_at, h.id
          LIMIT $4
            FOR UPDATE OF h SKIP LOCKED
       ), ordered AS (
         SELECT id, client_id, aggregate_id, seq, row_number() OVER (ORDER BY available_at, id) AS n
           FROM heads
       ), picked AS (
         SELECT id, 1 AS depth, n FROM ordered
         UNION ALL
         SELECT f.id, f.depth, hd.n FROM ordered hd
           CROSS JOIN LATERAL (
             SELECT x.id, x.seq, 1 + row_number() OVER (ORDER BY x.seq) AS depth,
                    bool_and(x.available_at <= $2) OVER (ORDER BY x.seq) AS due
               FROM (SELECT n.id, n.seq, n.available_at FROM outbox_deliveries n
                      WHERE n.subscriber = $1 AND n.client_id = hd.client_id
                        AND n.aggregate_id = hd.aggregate_id AND n.seq > hd.seq
                      ORDER BY n.seq LIMIT $5::int - 1) x) f
          WHERE f.due
            AND NOT EXISTS (SELECT 1 FROM outbox u
                             WHERE u.client_id = hd.client_id AND u.aggregate_id = hd.aggregate_id
                               AND u.seq < f.seq AND u.fanned_out_at IS NULL)
       ), batch AS (
         SELECT id, depth, n FROM picked ORDER BY depth, n LIMIT $4
       )
       UPDATE outbox_deliveries d
          SET attempts = d.attempts + 1, available_at = $3
         FROM batch c, outbox o
        WHERE d.id = c.id AND o.id = d.outbox_id
       RETURNING d.id, d.attempts, d.available_at AS lease, o.id AS event_id, o.type,
                 o.client_id, o.aggregate_id, o.seq, o.occurred_at, o.payload, c.depth, c.n`,
      [subscriber, now, lease, limit, Math.max(1, depth)],
    );
    rows.sort((a, b) => Number(a.depth) - Number(b.depth) || Number(a.n) - Number(b.n));
    return rows.map(toClaimed);
  }

  /**
   * Gives back claims that were not attempted (a lane whose earlier event failed), due again at
   * `until` and with their attempt uncounted.
   */
  async release(held: { delivery: ClaimedDelivery; until: Date }[]): Promise<void> {
    if (held.length === 0) return;
    await this.tx.query(
      `UPDATE outbox_deliveries d SET attempts = d.attempts - 1, available_at = h.until
         FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[]) AS h(id, lease, until)
        WHERE d.id = h.id AND d.available_at = h.lease`,
      [held.map((h) => h.delivery.id), held.map((h) => h.delivery.lease), held.map((h) => h.until)],
    );
  }

  /**
   * Deletes the delivered claims and publishes the outbox rows left with no pending delivery.
   * The rows are locked (in id order) before that check, so when two subscribers ack the last
   * deliveries of one event at once, the second sees the first's delete and publishes it.
   */
  ack(deliveries: ClaimedDelivery[], now: Date): Promise<number> {
    if (deliveries.length === 0) return Promise.resolve(0);
    return this.tx.run(async () => {
      const done = await this.tx.query<{ outbox_id: string }>(
        `DELETE FROM outbox_deliveries d
          USING unnest($1::bigint[], $2::timestamptz[]) AS a(id, lease)
          WHERE d.id = a.id AND d.available_at = a.lease
         RETURNING d.outbox_id`,
        [deliveries.map((d) => d.id), deliveries.map((d) => d.lease)],
      );
      const ids = [...new Set(done.map((d) => d.outbox_id))];
      if (ids.length === 0) return 0;
      // Pipelined (write): the server takes the locks before it runs the UPDATE all the same.
      await this.tx.write(
        `SELECT id FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [ids],
      );
      await this.tx.write(
        `UPDATE outbox o SET published_at = $2
          WHERE o.id = ANY($1::uuid[]) AND o.published_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.outbox_id = o.id)`,
        [ids, now],
      );
      return done.length;
    });
  }

  /**
   * Puts failed claims back at `retryAt`, and holds the later events of their lanes until then
   * too, so claims do not keep scanning events that must wait for their head anyway.
   */
  async retry(subscriber: string, failed: FailedDelivery[]): Promise<void> {
    if (failed.length === 0) return;
    const events = failed.map((f) => f.delivery.event);
    await this.tx.query(
      `UPDATE outbox_deliveries d SET available_at = f.retry_at, last_error = f.error
         FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::text[])
              AS f(id, lease, retry_at, error)
        WHERE d.id = f.id AND d.available_at = f.lease`,
      [
        failed.map((f) => f.delivery.id),
        failed.map((f) => f.delivery.lease),
        failed.map((f) => f.retryAt),
        failed.map((f) => f.error),
      ],
    );
    await this.tx.query(
      `UPDATE outbox_deliveries d SET available_at = GREATEST(d.available_at, f.retry_at)
         FROM unnest($2::text[], $3::text[], $4::bigint[], $5::timestamptz[])
              AS f(client_id, aggregate_id, seq, retry_at)
        WHERE d.subscriber = $1 AND d.client_id = f.client_id AND d.aggregate_id = f.aggregate_id
          AND d.seq > f.seq`,
      [
        subscriber,
        events.map((e) => e.clientId),
        events.map((e) => e.aggregateId),
        events.map((e) => e.sequence),
        failed.map((f) => f.retryAt),
      ],
    );
  }

  /** Deletes up to `limit` rows published before `cutoff`; returns how many. */
  async purge(cutoff: Date, limit: number): Promise<number> {
    const { affected } = await this.tx.execute(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE published_at < $1
          ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [cutoff, limit],
    );
    return affected;
  }
}

function toClaimed(r: ClaimedRow): ClaimedDelivery {
  return { id: String(r.id), attempts: r.attempts, lease: r.lease, event: toEvent(r) };
}

export function toEvent(r: EventRow): OutboxEvent {
  return new OutboxEvent(
    r.event_id,
    r.type,
    r.client_id,
    r.aggregate_id,
    Number(r.seq),
    r.occurred_at,
    r.payload,
  );
}
