import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access paths of the SLA case lists and the SLA report, and the summary of existing cases.
 *
 * - `ix_cases_sla_status`: `?slaStatus=` in the default (newest first) order, partial on cases
 *   that have a status (`sla_status = $1` implies the predicate);
 * - `ix_cases_sla_due`: `?sort=slaDueAt`, the nulls-last expression the list SQL orders by;
 * - `ix_cases_sla_status_due`: both together (the "at risk, soonest first" queue);
 * - `ix_sla_instances_tenant_created`: the report's window of instances started in [from, to).
 *
 * The backfill is the summary the SLA module's refreshSlaSummary computes, written out here on
 * purpose: a migration must keep meaning what it meant when it ran. Cases without an open
 * instance keep the columns' null. IF NOT EXISTS lets an operator build the indexes beforehand
 * with CREATE INDEX CONCURRENTLY on a large table.
 */
const INDEXES: [string, string, string][] = [
  [
    'ix_cases_sla_status',
    'cases',
    `(client_id, sla_status, created_at DESC, id DESC)
    WHERE sla_status IS NOT NULL`,
  ],
  ['ix_cases_sla_due', 'cases', `(client_id, (COALESCE(sla_due_at, 'infinity'::timestamptz)), id)`],
  [
    'ix_cases_sla_status_due',
    'cases',
    `(client_id, sla_status, (COALESCE(sla_due_at, 'infinity'::timestamptz)), id)
    WHERE sla_status IS NOT NULL`,
  ],
  ['ix_sla_instances_tenant_created', 'sla_instances', `(client_id, created_at)`],
];

/**
 * The summary of every case with an open SLA instance (of one tenant, for its test), as the SLA
 * module's refreshSlaSummary computes it.
 */
export async function backfillSlaSummary(
  q: { query(sql: string, params?: unknown[]): Promise<unknown> },
  clientId?: string,
): Promise<void> {
  await q.query(
    `
      UPDATE cases c
         SET sla_status = s.status, sla_due_at = s.due_at
        FROM (SELECT si.client_id, si.case_id,
                     CASE WHEN bool_or(si.violated_at IS NOT NULL) THEN 'breached'
                          WHEN bool_or(si.warned_at IS NOT NULL AND si.met_at IS NULL
                                       AND si.stopped_at IS NULL) THEN 'at-risk'
                          WHEN bool_and(si.met_at IS NOT NULL) THEN 'met'
                     END AS status,
                     min(si.breach_at) FILTER (WHERE si.violated_at IS NULL AND si.met_at IS NULL
                                                 AND si.stopped_at IS NULL) AS due_at
                FROM sla_instances si
               WHERE si.closed_at IS NULL ${clientId ? 'AND si.client_id = $1' : ''}
               GROUP BY si.client_id, si.case_id) s
       WHERE c.client_id = s.client_id AND c.id = s.case_id
         AND (c.sla_status IS DISTINCT FROM s.status OR c.sla_due_at IS DISTINCT FROM s.due_at)`,
    clientId ? [clientId] : [],
  );
}

export class SlaLists1765930000000 implements MigrationInterface {
  name = 'SlaLists1765930000000';

  async up(q: QueryRunner): Promise<void> {
    await backfillSlaSummary(q);
    for (const [name, table, definition] of INDEXES) {
      await q.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${definition}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) {
      await q.query(`DROP INDEX IF EXISTS ${name}`);
    }
    // The summary columns belong to SlaBusinessTime1765900000000; their values stay.
  }
}
