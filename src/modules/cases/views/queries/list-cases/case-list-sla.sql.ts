import type { Param, SortSpec } from './case-list.sql';
import { SlaStatus } from './list-cases.query';

const utc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The SLA parts of the case lists (issue 12), over the summary the SLA module keeps on the case
 * row (`sla_status`, `sla_due_at`): each is one column, and each shape below is the one the
 * sla-lists migration indexes.
 */

/** `?sort=slaDueAt`: the earliest breach still owed first; cases owing none last (ix_cases_sla_due). */
export const SLA_DUE_SORT: SortSpec = {
  key: `COALESCE(c.sla_due_at, 'infinity'::timestamptz)`,
  cursorParam: (p) => `COALESCE(${p}::timestamptz, 'infinity'::timestamptz)`,
  cursorKey: utc('c.sla_due_at'),
  direction: 'ASC',
  field: 'nullable-timestamp',
};

/** `?slaStatus=`: one status as `=` so ix_cases_sla_status (and its due twin) also yield the order. */
export function slaStatusFilter(p: Param, statuses: SlaStatus[]): string {
  return statuses.length === 1
    ? `c.sla_status = ${p(statuses[0])}`
    : `c.sla_status = ANY(${p(statuses)}::text[])`;
}
