import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom fields per case type (issue 13): `case_types.fields` holds the definitions,
 * `cases.fields` the values as one JSON object. List filters `field.<key>=<value>` are
 * containment tests (`fields @> '{"key": value}'`), which the jsonb_path_ops GIN index answers
 * for every key at once, so no per-field index is needed when a type gains a field. The index is
 * partial (`fields <> '{}'`): cases without custom fields, the many, cost no index maintenance.
 */
export class CaseFields1765940000000 implements MigrationInterface {
  name = 'CaseFields1765940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_types ADD COLUMN fields jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE cases ADD COLUMN fields jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE INDEX cases_fields_gin ON cases USING gin (fields jsonb_path_ops) WHERE fields <> '{}'::jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_fields_gin`);
    await q.query(`ALTER TABLE cases DROP COLUMN fields`);
    await q.query(`ALTER TABLE case_types DROP COLUMN fields`);
  }
}
