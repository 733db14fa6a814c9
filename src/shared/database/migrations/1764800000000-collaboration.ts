import { MigrationInterface, QueryRunner } from 'typeorm';

/** Correspondence with the initiator (`case_messages`) and documents attached to cases. */
export class Collaboration1764800000000 implements MigrationInterface {
  name = 'Collaboration1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_messages (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        direction text NOT NULL CHECK (direction IN ('OUT', 'IN')),
        from_address text NOT NULL,
        to_address text,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_case_messages_case ON case_messages (client_id, case_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_case_documents_case ON case_documents (client_id, case_id, created_at, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_documents`);
    await q.query(`DROP TABLE IF EXISTS case_messages`);
  }
}
