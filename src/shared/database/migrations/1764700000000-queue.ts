import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embedded queue (`queue_messages`, consumed with FOR UPDATE SKIP LOCKED), the dead letters of
 * both drivers, and the outbox the SQS driver writes in the caller's transaction and relays after
 * commit. `queue` names the logical queue (the SQS queue URL for the outbox), so several queues can
 * share the tables.
 */
export class Queue1764700000000 implements MigrationInterface {
  name = 'Queue1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE queue_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue text NOT NULL,
        message_id text NOT NULL,
        body jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        last_error text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_queue_messages_message_id ON queue_messages (queue, message_id)`,
    );
    await q.query(
      `CREATE INDEX ix_queue_messages_available ON queue_messages (queue, available_at, id)`,
    );

    await q.query(`
      CREATE TABLE queue_dead_letters (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue text NOT NULL,
        message_id text,
        body text NOT NULL,
        reason text NOT NULL,
        attempts integer NOT NULL,
        last_error text,
        enqueued_at timestamptz,
        dead_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_queue_dead_letters_queue ON queue_dead_letters (queue, dead_at, id)`,
    );

    await q.query(`
      CREATE TABLE queue_outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue text NOT NULL,
        message_id text NOT NULL,
        body jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        last_error text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_queue_outbox_message_id ON queue_outbox (queue, message_id)`,
    );
    await q.query(
      `CREATE INDEX ix_queue_outbox_pending ON queue_outbox (queue, id) WHERE sent_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS queue_outbox`);
    await q.query(`DROP TABLE IF EXISTS queue_dead_letters`);
    await q.query(`DROP TABLE IF EXISTS queue_messages`);
  }
}
