import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764600000000 implements MigrationInterface {
  name = 'Notifications1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL CHECK (client_id <> ''),
        case_id uuid,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('user', 'group', 'email')),
        recipient_id text NOT NULL CHECK (recipient_id <> ''),
        channel text NOT NULL CHECK (channel IN ('email', 'log')),
        template text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        note text,
        dedupe_key text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    // NULL dedupe keys never conflict, so notifications without one are always recorded.
    await q.query(
      `CREATE UNIQUE INDEX uq_notifications_dedupe
         ON notifications (client_id, dedupe_key, recipient_kind, recipient_id)`,
    );
    await q.query(
      `CREATE INDEX ix_notifications_due ON notifications (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX ix_notifications_case ON notifications (client_id, case_id, created_at)
         WHERE case_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notifications`);
  }
}
