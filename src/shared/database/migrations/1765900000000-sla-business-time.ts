import { MigrationInterface, QueryRunner } from 'typeorm';

const NEXT_MARK = (escalations: boolean) => `
  CASE WHEN closed_at IS NULL AND stopped_at IS NULL ${escalations ? 'AND met_at IS NULL' : ''} THEN
    ${escalations ? 'LEAST(' : ''}
      CASE WHEN warned_at IS NULL AND (paused_at IS NULL OR warn_at <= paused_at) THEN warn_at END,
      CASE WHEN violated_at IS NULL AND (paused_at IS NULL OR breach_at <= paused_at) THEN breach_at END
      ${escalations ? `, CASE WHEN paused_at IS NULL OR next_escalation_at <= paused_at THEN next_escalation_at END)` : ''}
  END`;

/**
 * SLAs on business time (issue 12).
 *
 * An instance now keeps what it measures (`metric`: resolution or firstResponse), the calendar
 * its minutes count on (`calendar_id`, null: around the clock), its targets in business minutes
 * (`warn_minutes`, `target_minutes`), its clock history (`segments`: running / paused / stopped
 * spans, the audit trail of elapsed time; `elapsed_minutes`: the business minutes of its closed
 * running spans, what reports read without replaying the segments), when its target was met (`met_at`) and its escalation
 * ladder (`escalations`: [{ atPercent, actions, dueAt, firedAt }], each rung fired once) with the
 * earliest unfired rung's instant (`next_escalation_at`). `warn_at`, `breach_at` and the rungs'
 * `dueAt` stay precomputed instants, recomputed in business time whenever the clock moves, so
 * the check still walks one index: `next_mark_at` is now the earliest of warning, breach and
 * next escalation owed by a clock that is neither stopped, met nor closed.
 *
 * Cases get the summary their lists filter and sort on: `sla_status` (breached, at-risk, met)
 * and `sla_due_at` (the earliest breach still owed), written by the SLA module only.
 */
export class SlaBusinessTime1765900000000 implements MigrationInterface {
  name = 'SlaBusinessTime1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sla_instances
        ADD COLUMN metric text NOT NULL DEFAULT 'resolution'
          CHECK (metric IN ('resolution', 'firstResponse')),
        ADD COLUMN calendar_id uuid,
        ADD COLUMN warn_minutes integer,
        ADD COLUMN target_minutes integer,
        ADD COLUMN segments jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN elapsed_minutes integer NOT NULL DEFAULT 0,
        ADD COLUMN met_at timestamptz,
        ADD COLUMN escalations jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN next_escalation_at timestamptz`);
    // Instances started before: their targets were wall-clock minutes from their start. Writers
    // always fill both; null would only be a row written by code older than this migration.
    await q.query(`
      UPDATE sla_instances
         SET warn_minutes = GREATEST(0, round(extract(epoch FROM warn_at - created_at) / 60)),
             target_minutes = GREATEST(0, round(extract(epoch FROM breach_at - created_at) / 60))`);
    await q.query(`ALTER TABLE sla_instances DROP COLUMN next_mark_at`);
    await q.query(`
      ALTER TABLE sla_instances ADD COLUMN next_mark_at timestamptz
        GENERATED ALWAYS AS (${NEXT_MARK(true)}) STORED`);
    await q.query(`
      CREATE INDEX ix_sla_instances_next_mark ON sla_instances (next_mark_at, id)
       WHERE next_mark_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX ix_sla_instances_tenant_next_mark ON sla_instances (client_id, next_mark_at, id)
       WHERE next_mark_at IS NOT NULL`);

    await q.query(`
      ALTER TABLE cases
        ADD COLUMN sla_status text CHECK (sla_status IN ('breached', 'at-risk', 'met')),
        ADD COLUMN sla_due_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN sla_due_at, DROP COLUMN sla_status`);
    await q.query(`ALTER TABLE sla_instances DROP COLUMN next_mark_at`);
    await q.query(`
      ALTER TABLE sla_instances ADD COLUMN next_mark_at timestamptz
        GENERATED ALWAYS AS (${NEXT_MARK(false)}) STORED`);
    await q.query(`
      CREATE INDEX ix_sla_instances_next_mark ON sla_instances (next_mark_at, id)
       WHERE next_mark_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX ix_sla_instances_tenant_next_mark ON sla_instances (client_id, next_mark_at, id)
       WHERE next_mark_at IS NOT NULL`);
    await q.query(`
      ALTER TABLE sla_instances
        DROP COLUMN next_escalation_at, DROP COLUMN escalations, DROP COLUMN met_at,
        DROP COLUMN segments, DROP COLUMN elapsed_minutes, DROP COLUMN target_minutes, DROP COLUMN warn_minutes,
        DROP COLUMN calendar_id, DROP COLUMN metric`);
  }
}
