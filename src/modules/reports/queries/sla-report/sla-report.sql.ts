import { ReportGrouping } from './sla-report.query';

export interface SlaReportRow {
  id: string | null;
  name: string | null;
  metric: 'resolution' | 'firstResponse';
  total: number;
  met: number;
  breached: number;
  open: number;
  stopped: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

/** The group key of an instance's case, and how a key finds its name. */
const GROUPINGS: Record<
  ReportGrouping,
  { key: string; unnest?: string; from: string; name: string }
> = {
  caseType: {
    key: 'c.case_type_id::text',
    from: 'LEFT JOIN case_types n ON n.client_id = $1 AND n.id::text = s.key',
    name: 'n.name',
  },
  priority: {
    key: 'c.priority_id::text',
    from: 'LEFT JOIN priorities n ON n.client_id = $1 AND n.id::text = s.key',
    name: 'n.name',
  },
  // One row per assigned group; a case with none counts once, under null.
  group: {
    key: 'g.name',
    unnest: `CROSS JOIN LATERAL unnest(CASE WHEN cardinality(c.assigned_to_groups) = 0
                                            THEN ARRAY[NULL::text] ELSE c.assigned_to_groups END) AS g(name)`,
    from: '',
    name: 's.key',
  },
};

const pct = (p: number) =>
  `round((percentile_cont(${p}) WITHIN GROUP (ORDER BY i.elapsed_minutes)
           FILTER (WHERE i.met_at IS NOT NULL))::numeric, 2)::float8`;

/**
 * The SLA report in one statement: the tenant's open (not re-selected) instances started in
 * [$2, $3), walked from ix_sla_instances_tenant_created, keyed by their case's group, counted
 * and summarised per key and metric by the database (percentile_cont over elapsed_minutes).
 */
export function slaReportSql(groupBy: ReportGrouping): string {
  const g = GROUPINGS[groupBy];
  return `
    WITH s AS (
      SELECT ${g.key} AS key, i.metric,
             count(*)::int AS total,
             count(*) FILTER (WHERE i.met_at IS NOT NULL AND i.violated_at IS NULL)::int AS met,
             count(*) FILTER (WHERE i.violated_at IS NOT NULL)::int AS breached,
             count(*) FILTER (WHERE i.met_at IS NULL AND i.violated_at IS NULL
                                AND i.stopped_at IS NULL)::int AS open,
             count(*) FILTER (WHERE i.met_at IS NULL AND i.violated_at IS NULL
                                AND i.stopped_at IS NOT NULL)::int AS stopped,
             ${pct(0.5)} AS p50, ${pct(0.9)} AS p90, ${pct(0.95)} AS p95
        FROM sla_instances i
        JOIN cases c ON c.client_id = i.client_id AND c.id = i.case_id
        ${g.unnest ?? ''}
       WHERE i.client_id = $1 AND i.created_at >= $2 AND i.created_at < $3
         AND i.closed_at IS NULL
       GROUP BY 1, 2)
    SELECT s.key AS id, ${g.name} AS name, s.metric, s.total, s.met, s.breached, s.open,
           s.stopped, s.p50, s.p90, s.p95
      FROM s ${g.from}
     ORDER BY s.key IS NULL, ${g.name}, s.key, s.metric`;
}
