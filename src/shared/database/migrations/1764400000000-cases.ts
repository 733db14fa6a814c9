import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1764400000000 implements MigrationInterface {
  name = 'Cases1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_counters (
        client_id text PRIMARY KEY,
        last_seq bigint NOT NULL
      )`);

    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        seq bigint NOT NULL,
        display_id text NOT NULL,
        case_type_id uuid NOT NULL REFERENCES case_types(id),
        priority_id uuid REFERENCES priorities(id),
        priority_level integer,
        state text NOT NULL,
        details text NOT NULL,
        description text,
        initiator_id text NOT NULL,
        initiator_type text NOT NULL CHECK (initiator_type IN ('USER', 'CUSTOMER')),
        first_name text,
        assigned_to_users text[] NOT NULL DEFAULT '{}',
        assigned_to_groups text[] NOT NULL DEFAULT '{}',
        location text,
        location_id text,
        location_code text,
        tags text[] NOT NULL DEFAULT '{}',
        watchers text[] NOT NULL DEFAULT '{}',
        resolution text,
        resolved_by text,
        resolution_date timestamptz,
        case_relation jsonb,
        transferred_to jsonb,
        completed_percent integer NOT NULL DEFAULT 0,
        milestones jsonb NOT NULL DEFAULT '[]',
        due_date timestamptz,
        due_date_warning timestamptz,
        marked_due_date_warning boolean NOT NULL DEFAULT false,
        marked_due_date_exceeded boolean NOT NULL DEFAULT false,
        message_warned_slas text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', coalesce(details, '') || ' ' || coalesce(description, ''))
        ) STORED
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_cases_display_id ON cases (client_id, display_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_cases_seq ON cases (client_id, seq)`);

    await q.query(`
      CREATE TABLE case_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        type text NOT NULL,
        actor_id text NOT NULL,
        on_behalf_of text,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(
      `CREATE INDEX ix_case_activities_case ON case_activities (client_id, case_id, occurred_at, id)`,
    );

    await q.query(`
      CREATE TABLE case_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('COMMENT', 'INITIATOR')),
        author_id text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_case_comments_case ON case_comments (client_id, case_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE sla_instances (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        sla_definition_id text NOT NULL,
        name text NOT NULL,
        warn_at timestamptz NOT NULL,
        breach_at timestamptz NOT NULL,
        warned_at timestamptz,
        violated_at timestamptz,
        paused_at timestamptz,
        stopped_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_sla_instances_case ON sla_instances (client_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'sla_instances',
      'case_comments',
      'case_activities',
      'cases',
      'case_counters',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
