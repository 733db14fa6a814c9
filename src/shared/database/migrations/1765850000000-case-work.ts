import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case links and saved views. A link is stored once: `child` is stored as `parent` with the
 * cases swapped, and `related` with the smaller case id first, so the unique index also
 * catches the same link asked for from the other side.
 */
export class CaseWork1765850000000 implements MigrationInterface {
  name = 'CaseWork1765850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_links (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        from_case_id uuid NOT NULL,
        to_case_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('parent', 'related', 'duplicate-of')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (from_case_id <> to_case_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ux_case_links ON case_links (client_id, from_case_id, to_case_id, kind)`,
    );
    await q.query(`CREATE INDEX ix_case_links_to ON case_links (client_id, to_case_id, kind)`);
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        owner_id text NOT NULL,
        name text NOT NULL,
        list text NOT NULL,
        filters jsonb NOT NULL DEFAULT '{}',
        sort text NOT NULL,
        shared boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_saved_views_list ON saved_views (client_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_views`);
    await q.query(`DROP TABLE case_links`);
  }
}
