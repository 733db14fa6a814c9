import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business-time calendars: a tenant's time zone, working intervals per weekday (local wall
 * time, as `{ mon: [{ start, end }], ... }`) and holidays (`[{ date, name }]`), soft-deleted
 * like the definitions. Lists page by (created_at, id) on live rows.
 */
export class Calendars1765500000000 implements MigrationInterface {
  name = 'Calendars1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendars (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        name text NOT NULL,
        time_zone text NOT NULL,
        working_hours jsonb NOT NULL,
        holidays jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_calendars_list ON calendars (client_id, created_at, id) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendars`);
  }
}
