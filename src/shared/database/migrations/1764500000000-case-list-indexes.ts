import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case lists' access paths: each list is a walk of one index in its sort order, or a GIN
 * bitmap for a selective array / full-text filter. The sort expressions of the due-date and
 * priority indexes are the ones the list SQL orders by (nulls last as 'infinity' / max int).
 * IF NOT EXISTS lets an operator build them beforehand with CREATE INDEX CONCURRENTLY on a
 * large table, since migrations run inside one transaction.
 */
const INDEXES: Record<string, string> = {
  ix_cases_created: `(client_id, created_at DESC, id DESC)`,
  ix_cases_state: `(client_id, state, created_at DESC, id DESC)`,
  ix_cases_case_type: `(client_id, case_type_id, created_at DESC, id DESC)`,
  ix_cases_initiator: `(client_id, initiator_id, created_at DESC, id DESC)`,
  ix_cases_unassigned: `(client_id, created_at DESC, id DESC)
    WHERE assigned_to_users = '{}' AND assigned_to_groups = '{}'`,
  ix_cases_due: `(client_id, (COALESCE(due_date, 'infinity'::timestamptz)), id)`,
  ix_cases_priority: `(client_id, (COALESCE(priority_level, 2147483647)), id)`,
  ix_cases_assigned_users: `USING gin (assigned_to_users)`,
  ix_cases_assigned_groups: `USING gin (assigned_to_groups)`,
  ix_cases_tags: `USING gin (tags)`,
  ix_cases_search: `USING gin (search)`,
};

export class CaseListIndexes1764500000000 implements MigrationInterface {
  name = 'CaseListIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition] of Object.entries(INDEXES)) {
      await q.query(`CREATE INDEX IF NOT EXISTS ${name} ON cases ${definition}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(INDEXES).reverse()) {
      await q.query(`DROP INDEX IF EXISTS ${name}`);
    }
  }
}
