import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case merges. A merged case points at the case it went into (`cases.merged_into`, cleared by the
 * undo). `case_merges` keeps exactly what a merge moved, so the undo can move back that and
 * nothing else: the comment and document ids, the source's tags and watchers, the tags and
 * watchers the target did not have yet, the link it added and the source as it was. At most one
 * merge of a case is open (not undone) at a time.
 */
export class CaseMerge1765960000000 implements MigrationInterface {
  name = 'CaseMerge1765960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN merged_into uuid`);
    await q.query(`
      CREATE TABLE case_merges (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        source_case_id uuid NOT NULL REFERENCES cases(id),
        target_case_id uuid NOT NULL REFERENCES cases(id),
        source_state text NOT NULL,
        source_milestones jsonb NOT NULL,
        source_completed_percent int NOT NULL,
        source_tags text[] NOT NULL,
        source_watchers text[] NOT NULL,
        added_tags text[] NOT NULL,
        added_watchers text[] NOT NULL,
        comment_ids uuid[] NOT NULL,
        document_ids uuid[] NOT NULL,
        link_id uuid,
        merged_by text NOT NULL,
        merged_at timestamptz NOT NULL,
        undone_by text,
        undone_at timestamptz,
        CHECK (source_case_id <> target_case_id)
      )`);
    await q.query(
      `CREATE INDEX ix_case_merges_source ON case_merges (client_id, source_case_id, merged_at DESC, id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX ux_case_merges_open ON case_merges (client_id, source_case_id)
        WHERE undone_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_merges`);
    await q.query(`ALTER TABLE cases DROP COLUMN merged_into`);
  }
}
