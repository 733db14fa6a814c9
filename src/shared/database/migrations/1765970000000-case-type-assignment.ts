import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automatic assignment: the rule on the case type, and one cursor row per (tenant, case type)
 * that round-robin advances and every pick locks, so that concurrent picks of a type queue
 * and never count an agent's open cases before the previous pick has committed.
 */
export class CaseTypeAssignment1765970000000 implements MigrationInterface {
  name = 'CaseTypeAssignment1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_types ADD COLUMN assignment jsonb`);
    await q.query(`
      CREATE TABLE assignment_cursors (
        client_id text NOT NULL,
        case_type_id uuid NOT NULL,
        last_user_id text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, case_type_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assignment_cursors`);
    await q.query(`ALTER TABLE case_types DROP COLUMN assignment`);
  }
}
