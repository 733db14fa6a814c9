import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions (the signing secrets AES-GCM encrypted), their deliveries (one per event
 * and endpoint, the exact body kept so every retry signs the same bytes) and the change feed:
 * every domain event once per tenant, numbered by a per-tenant counter in commit order.
 */
export class WebhooksAndFeed1765700000000 implements MigrationInterface {
  name = 'WebhooksAndFeed1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        description text,
        active boolean NOT NULL,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        failing_since timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_webhooks_list ON webhooks (client_id, created_at, id)`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        lane text NOT NULL,
        seq bigint NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_response_code integer,
        last_error text,
        committed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        finished_at timestamptz,
        UNIQUE (webhook_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
        WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_webhook_deliveries_lane ON webhook_deliveries (webhook_id, lane, seq)
        WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_webhook_deliveries_list ON webhook_deliveries (webhook_id, created_at, id)`,
    );
    await q.query(`
      CREATE TABLE event_feed (
        client_id text NOT NULL,
        position bigint NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        case_id uuid,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        appended_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, position)
      )`);
    await q.query(`CREATE INDEX ix_event_feed_case ON event_feed (client_id, case_id, position)`);
    await q.query(`CREATE INDEX ix_event_feed_appended ON event_feed (appended_at)`);
    await q.query(`
      CREATE TABLE event_feed_counters (
        client_id text PRIMARY KEY,
        last_position bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_feed_counters`);
    await q.query(`DROP TABLE event_feed`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
