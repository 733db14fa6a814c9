import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comment visibility. Comments written before it existed were read by everyone who saw the
 * case, the initiator included, so they stay `public`: hiding them now would take back what the
 * initiator has already read. The default only backfills; every insert names the visibility.
 * The partial index serves the initiator's view, which reads public comments only.
 */
export class CommentVisibility1765950000000 implements MigrationInterface {
  name = 'CommentVisibility1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_comments
        ADD COLUMN visibility text NOT NULL DEFAULT 'public'
          CHECK (visibility IN ('internal', 'public'))`);
    await q.query(`ALTER TABLE case_comments ALTER COLUMN visibility DROP DEFAULT`);
    await q.query(
      `CREATE INDEX ix_case_comments_public ON case_comments (client_id, case_id, created_at, id)
         WHERE visibility = 'public'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_case_comments_public`);
    await q.query(`ALTER TABLE case_comments DROP COLUMN visibility`);
  }
}
