import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox relay (src/shared/outbox/outbox-relay.ts).
 *
 * `outbox.seq` numbers an aggregate's events 1, 2, 3… from `outbox_sequences`, whose row the
 * writing transaction keeps locked until it ends: writers of one aggregate queue there (whether
 * or not they hold the case row), so an event with seq n is only ever written after n - 1 has
 * committed, and seq order is commit order.
 *
 * The relay fans each outbox row out into one `outbox_deliveries` row per subscriber that handles
 * its type (`fanned_out_at`), deletes a delivery once its subscriber has it, and stamps
 * `published_at` when none is left; published rows are purged after the retention period. Only
 * pending deliveries are kept, so the claim walks a small table.
 *
 * Rows written before this migration were already published on the in-process event bus: they
 * are numbered and marked published, so they are purged instead of being delivered again.
 */
export class OutboxRelay1765400000000 implements MigrationInterface {
  name = 'OutboxRelay1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_sequences (
        client_id text NOT NULL,
        aggregate_id text NOT NULL,
        last_seq bigint NOT NULL,
        PRIMARY KEY (client_id, aggregate_id)
      )`);
    await q.query(`ALTER TABLE outbox ADD COLUMN seq bigint, ADD COLUMN fanned_out_at timestamptz`);
    await q.query(`
      UPDATE outbox o
         SET seq = n.seq, fanned_out_at = now(), published_at = COALESCE(o.published_at, now())
        FROM (SELECT id, row_number() OVER (PARTITION BY client_id, aggregate_id
                                            ORDER BY occurred_at, id) AS seq
                FROM outbox) n
       WHERE o.id = n.id`);
    await q.query(`
      INSERT INTO outbox_sequences (client_id, aggregate_id, last_seq)
      SELECT client_id, aggregate_id, max(seq) FROM outbox GROUP BY client_id, aggregate_id`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN seq SET NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX uq_outbox_aggregate_seq ON outbox (client_id, aggregate_id, seq)`,
    );
    await q.query(
      `CREATE INDEX ix_outbox_unfanned ON outbox (occurred_at, id) WHERE fanned_out_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_outbox_unfanned_aggregate ON outbox (client_id, aggregate_id, seq)
        WHERE fanned_out_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE outbox_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscriber text NOT NULL,
        outbox_id uuid NOT NULL,
        client_id text NOT NULL,
        aggregate_id text NOT NULL,
        seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        available_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_outbox_deliveries_available ON outbox_deliveries (subscriber, available_at, id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_outbox_deliveries_lane
         ON outbox_deliveries (subscriber, client_id, aggregate_id, seq)`,
    );
    await q.query(`CREATE INDEX ix_outbox_deliveries_outbox ON outbox_deliveries (outbox_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS outbox_deliveries`);
    await q.query(`DROP INDEX IF EXISTS ix_outbox_published`);
    await q.query(`DROP INDEX IF EXISTS ix_outbox_unfanned_aggregate`);
    await q.query(`DROP INDEX IF EXISTS ix_outbox_unfanned`);
    await q.query(`DROP INDEX IF EXISTS uq_outbox_aggregate_seq`);
    await q.query(
      `ALTER TABLE outbox DROP COLUMN IF EXISTS seq, DROP COLUMN IF EXISTS fanned_out_at`,
    );
    await q.query(`DROP TABLE IF EXISTS outbox_sequences`);
  }
}
