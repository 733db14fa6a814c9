import { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryAndInbox1765600000000 implements MigrationInterface {
  name = 'DirectoryAndInbox1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_users (
        client_id text NOT NULL CHECK (client_id <> ''),
        user_id text NOT NULL CHECK (user_id <> ''),
        email text,
        name text,
        locale text,
        time_zone text,
        groups text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_directory_users_groups ON directory_users USING gin (groups)`);
    await q.query(`
      CREATE TABLE notification_templates (
        client_id text NOT NULL,
        kind text NOT NULL,
        locale text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, kind, locale)
      )`);
    // The notifications one event recorded (one row per recipient) share its key, so a user
    // reached directly and through a group gets that event once.
    await q.query(`ALTER TABLE notifications ADD COLUMN event_key text`);
    await q.query(`UPDATE notifications SET event_key = id::text`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN event_key SET NOT NULL`);
    await q.query(`
      CREATE TABLE notification_recipients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        event_key text NOT NULL,
        user_id text NOT NULL,
        email text,
        locale text NOT NULL,
        time_zone text,
        read_at timestamptz,
        email_status text NOT NULL
          CHECK (email_status IN ('NONE', 'PENDING', 'SENT', 'FAILED')),
        email_attempts integer NOT NULL DEFAULT 0,
        email_next_attempt_at timestamptz NOT NULL,
        email_last_error text,
        email_sent_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (client_id, event_key, user_id)
      )`);
    await q.query(
      `CREATE INDEX ix_notification_recipients_inbox
         ON notification_recipients (client_id, user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_notification_recipients_unread
         ON notification_recipients (client_id, user_id) WHERE read_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_notification_recipients_email_due
         ON notification_recipients (email_next_attempt_at) WHERE email_status = 'PENDING'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification_recipients`);
    await q.query(`ALTER TABLE notifications DROP COLUMN IF EXISTS event_key`);
    await q.query(`DROP TABLE IF EXISTS notification_templates`);
    await q.query(`DROP TABLE IF EXISTS directory_users`);
  }
}
