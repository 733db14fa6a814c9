import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA clock and the access paths of the time-based checks.
 *
 * sla_instances gets the pause states of its definition as they were when it started (a later
 * edit of the case type does not change the rules a running SLA was started under), `closed_at`
 * (a priority change detached it; the row stays as history) and `next_mark_at`, the deadline the
 * SLA check waits for: the warning, then the breach, while the clock runs. A paused clock still
 * owes the marks of deadlines it crossed before the pause; a stopped or closed one owes nothing.
 * The check walks `next_mark_at` in order on one small partial index (all tenants, or one).
 *
 * The due-date check walks each case type on the earliest unmarked due-date deadline; the
 * expression is repeated verbatim in modules/sla/checks/due-date-check/due-date-check.sql.ts.
 * Auto-close walks a tenant's RESOLVED cases by resolution date.
 */
export class SlaClock1764900000000 implements MigrationInterface {
  name = 'SlaClock1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sla_instances
        ADD COLUMN pause_in_states text[] NOT NULL DEFAULT '{}',
        ADD COLUMN closed_at timestamptz`);

    // Instances started before this migration: snapshot their definition's pause states, and
    // stop or pause the clocks of cases already resolved, finished or in a pause state (the
    // case's last change is the best known start of that halt).
    await q.query(`
      UPDATE sla_instances si
         SET pause_in_states = ARRAY(SELECT jsonb_array_elements_text(d.def->'pauseInStates'))
        FROM cases c
        JOIN case_types ct ON ct.id = c.case_type_id
        CROSS JOIN LATERAL jsonb_array_elements(ct.slas) AS d(def)
       WHERE c.id = si.case_id AND d.def->>'id' = si.sla_definition_id
         AND jsonb_typeof(d.def->'pauseInStates') = 'array'`);
    await q.query(`
      UPDATE sla_instances si SET stopped_at = COALESCE(c.resolution_date, c.updated_at)
        FROM cases c
       WHERE c.id = si.case_id AND si.stopped_at IS NULL
         AND c.state IN ('RESOLVED', 'COMPLETED', 'CANCELED')`);
    await q.query(`
      UPDATE sla_instances si SET paused_at = c.updated_at
        FROM cases c
       WHERE c.id = si.case_id AND si.stopped_at IS NULL AND si.paused_at IS NULL
         AND c.state = ANY(si.pause_in_states)`);

    await q.query(`
      ALTER TABLE sla_instances ADD COLUMN next_mark_at timestamptz GENERATED ALWAYS AS (
        CASE WHEN closed_at IS NULL AND stopped_at IS NULL THEN
          CASE WHEN warned_at IS NULL AND (paused_at IS NULL OR warn_at <= paused_at) THEN warn_at
               WHEN violated_at IS NULL AND (paused_at IS NULL OR breach_at <= paused_at) THEN breach_at
          END
        END) STORED`);
    await q.query(`
      CREATE INDEX ix_sla_instances_next_mark ON sla_instances (next_mark_at, id)
       WHERE next_mark_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX ix_sla_instances_tenant_next_mark ON sla_instances (client_id, next_mark_at, id)
       WHERE next_mark_at IS NOT NULL`);

    await q.query(`
      CREATE INDEX ix_cases_due_date_marks ON cases (
        case_type_id,
        (LEAST(CASE WHEN NOT marked_due_date_warning THEN due_date_warning END,
               CASE WHEN NOT marked_due_date_exceeded THEN due_date END)),
        id)
       WHERE due_date IS NOT NULL AND state NOT IN ('COMPLETED', 'CANCELED')
         AND NOT (marked_due_date_warning AND marked_due_date_exceeded)`);
    await q.query(`
      CREATE INDEX ix_cases_resolved ON cases (client_id, resolution_date, id)
       WHERE state = 'RESOLVED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_cases_resolved`);
    await q.query(`DROP INDEX IF EXISTS ix_cases_due_date_marks`);
    await q.query(`DROP INDEX IF EXISTS ix_sla_instances_tenant_next_mark`);
    await q.query(`DROP INDEX IF EXISTS ix_sla_instances_next_mark`);
    await q.query(`
      ALTER TABLE sla_instances
        DROP COLUMN IF EXISTS next_mark_at,
        DROP COLUMN IF EXISTS closed_at,
        DROP COLUMN IF EXISTS pause_in_states`);
  }
}
