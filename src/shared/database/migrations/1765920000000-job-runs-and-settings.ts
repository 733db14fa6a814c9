import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs an operator can see and tune (issue 12).
 *
 * `job_runs`: one row per run of a job for one tenant: the REST-triggered checks, and each
 * tenant a scheduled run works on. The row is written when the run starts and completed when it
 * ends (counts, errors, stopped, or the failure); a run killed mid-way keeps `ended_at` null.
 * `replica` names the process (hostname:pid) that ran it. Listed newest first per tenant (`seq`
 * orders runs started in the same millisecond).
 *
 * `job_settings`: per tenant, what overrides the deployment's defaults (JOBS_CONTINUE_ON_ERROR,
 * DUE_DATE_CASE_TYPE_IDS, and whether each scheduled job runs for the tenant); null: the default.
 */
export class JobRunsAndSettings1765920000000 implements MigrationInterface {
  name = 'JobRunsAndSettings1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        client_id text NOT NULL,
        job text NOT NULL CHECK (job IN ('sla-check', 'due-date-check', 'auto-close')),
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'api')),
        replica text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        counts jsonb NOT NULL DEFAULT '{}',
        errors integer NOT NULL DEFAULT 0,
        stopped boolean NOT NULL DEFAULT false,
        failure text
      )`);
    await q.query(
      `CREATE INDEX ix_job_runs_tenant_started ON job_runs (client_id, started_at DESC, seq DESC)`,
    );
    // Retention deletes by age across tenants.
    await q.query(`CREATE INDEX ix_job_runs_started ON job_runs (started_at)`);
    await q.query(`
      CREATE TABLE job_settings (
        client_id text PRIMARY KEY,
        due_date_case_type_ids uuid[],
        continue_on_error boolean,
        sla_check_enabled boolean,
        due_date_check_enabled boolean,
        auto_close_enabled boolean,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_settings`);
    await q.query(`DROP TABLE job_runs`);
  }
}
