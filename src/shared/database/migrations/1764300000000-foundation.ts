import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE priorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        name text NOT NULL,
        code text NOT NULL,
        level integer NOT NULL,
        color text,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_priorities_code ON priorities (client_id, lower(code)) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_priorities_list ON priorities (client_id, level, id) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE solutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        name text NOT NULL,
        code text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_solutions_code ON solutions (client_id, lower(code)) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_solutions_list ON solutions (client_id, created_at, id) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE processes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        solution_id uuid NOT NULL REFERENCES solutions(id),
        name text NOT NULL,
        code text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_processes_code ON processes (client_id, lower(code)) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_processes_solution ON processes (client_id, solution_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE case_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        process_id uuid NOT NULL REFERENCES processes(id),
        name text NOT NULL,
        code text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        auto_close_hours numeric,
        due_in_hours numeric,
        warn_before_hours numeric,
        slas jsonb NOT NULL DEFAULT '[]',
        milestones jsonb NOT NULL DEFAULT '[]',
        default_priority_id uuid REFERENCES priorities(id),
        default_assigned_to_groups text[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_case_types_code ON case_types (client_id, lower(code)) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX ix_case_types_process ON case_types (client_id, process_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE case_type_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        case_type_id uuid NOT NULL REFERENCES case_types(id),
        kind text NOT NULL CHECK (kind IN ('WORKFLOW', 'DECISION_TREE', 'STATUS_DECISION_TREE')),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_case_type_files_type ON case_type_files (client_id, case_type_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE case_status_labels (
        client_id text NOT NULL,
        state text NOT NULL,
        label text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, state)
      )`);

    await q.query(`
      CREATE TABLE oauth_clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        name text NOT NULL,
        secret_hash text NOT NULL,
        permissions text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_oauth_clients_tenant ON oauth_clients (client_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_outbox_unpublished ON outbox (occurred_at) WHERE published_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE idempotency_keys (
        client_id text NOT NULL,
        user_id text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, user_id, key)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'outbox',
      'oauth_clients',
      'case_status_labels',
      'case_type_files',
      'case_types',
      'processes',
      'solutions',
      'priorities',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
