import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries of one command share a timestamp (and tests run on a fixed clock), so the log needs
 * an insertion order of its own: commands on a case are serialized by its row lock, which makes
 * `seq` the order in which the changes happened.
 */
export class CaseActivityOrder1764520000000 implements MigrationInterface {
  name = 'CaseActivityOrder1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_activities ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(
      `CREATE INDEX ix_case_activities_seq ON case_activities (client_id, case_id, seq)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_case_activities_seq`);
    await q.query(`ALTER TABLE case_activities DROP COLUMN IF EXISTS seq`);
  }
}
