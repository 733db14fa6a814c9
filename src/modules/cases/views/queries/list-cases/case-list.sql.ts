import { Actor } from '../../../../../shared/auth/actor';
import { CursorField, CursorValues } from '../../../../../shared/http/pagination';
import { CASE_COLUMNS, CASE_FROM } from '../../../queries/case.sql';
import { SLA_DUE_SORT, slaStatusFilter } from './case-list-sla.sql';
import { fieldFilterSql, FieldMatch } from './field-filters';
import { CaseListFilters, CaseSort, CaseView } from './list-cases.query';

export interface SortSpec {
  /** The ordering expression, exactly as indexed by the case-list-indexes migration. */
  key: string;
  /** The cursor value as the key compares it (a null sorts as the key's nulls-last stand-in). */
  cursorParam: (p: string) => string;
  /** The stored key, rendered losslessly (microseconds, raw priority level) for the cursor. */
  cursorKey: string;
  direction: 'ASC' | 'DESC';
  field: CursorField;
}

const utc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const CASE_SORTS: Record<CaseSort, SortSpec> = {
  createdAt: {
    key: 'c.created_at',
    cursorParam: (p) => `${p}::timestamptz`,
    cursorKey: utc('c.created_at'),
    direction: 'DESC',
    field: 'timestamp',
  },
  dueDate: {
    key: `COALESCE(c.due_date, 'infinity'::timestamptz)`,
    cursorParam: (p) => `COALESCE(${p}::timestamptz, 'infinity'::timestamptz)`,
    cursorKey: utc('c.due_date'),
    direction: 'ASC',
    field: 'nullable-timestamp',
  },
  priority: {
    key: 'COALESCE(c.priority_level, 2147483647)',
    cursorParam: (p) => `COALESCE(${p}::int, 2147483647)`,
    cursorKey: 'c.priority_level',
    direction: 'ASC',
    field: 'nullable-number',
  },
  slaDueAt: SLA_DUE_SORT,
};

export type Param = (value: unknown) => string;

const VIEWS: Record<CaseView, (p: Param, actor: Actor) => string | undefined> = {
  all: () => undefined,
  assigned: (p, actor) =>
    `(c.assigned_to_users @> ARRAY[${p(actor.userId)}::text] OR c.assigned_to_groups && ${p([...actor.groups])}::text[])`,
  mine: (p, actor) => `c.initiator_id = ${p(actor.userId)}`,
  // Matches the partial index's predicate word for word, so the planner can use it.
  unassigned: () => `c.assigned_to_users = '{}' AND c.assigned_to_groups = '{}'`,
};

type ColumnFilters = Omit<CaseListFilters, 'field'>;

const FILTERS: {
  [K in keyof ColumnFilters]-?: (p: Param, value: NonNullable<ColumnFilters[K]>) => string;
} = {
  // One state as `=` so the (client_id, state, created_at) index also yields the order.
  state: (p, states) =>
    states.length === 1 ? `c.state = ${p(states[0])}` : `c.state = ANY(${p(states)}::text[])`,
  caseTypeId: (p, id) => `c.case_type_id = ${p(id)}::uuid`,
  priorityId: (p, id) => `c.priority_id = ${p(id)}::uuid`,
  assignedToUser: (p, user) => `c.assigned_to_users @> ARRAY[${p(user)}::text]`,
  assignedToGroup: (p, group) => `c.assigned_to_groups @> ARRAY[${p(group)}::text]`,
  initiatorId: (p, user) => `c.initiator_id = ${p(user)}`,
  tag: (p, tag) => `c.tags @> ARRAY[${p(tag)}::text]`,
  q: (p, text) => `c.search @@ websearch_to_tsquery('simple', ${p(text)})`,
  createdFrom: (p, from) => `c.created_at >= ${p(from)}::timestamptz`,
  createdTo: (p, to) => `c.created_at <= ${p(to)}::timestamptz`,
  dueBefore: (p, before) => `${CASE_SORTS.dueDate.key} < ${p(before)}::timestamptz`,
  slaStatus: slaStatusFilter,
};

export interface CaseListSqlInput {
  actor: Actor;
  view: CaseView;
  filters: CaseListFilters;
  sort: CaseSort;
  limit: number;
  /** The `field` filters, checked and typed (resolveFieldFilters). */
  fieldMatches?: FieldMatch[];
}

/**
 * One page of a case list: tenant first, then the view, the filters and the keyset position,
 * ordered by the sort key and id. Fetches `limit + 1` rows (see toPage); each row carries
 * `cursorKey` besides the CaseResponseDto columns.
 */
export function caseListSql(
  { actor, view, filters, sort, limit, fieldMatches = [] }: CaseListSqlInput,
  after?: CursorValues,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p: Param = (value) => `$${params.push(value)}`;
  const where = [`c.client_id = ${p(actor.clientId)}`];
  const visible = VIEWS[view](p, actor);
  if (visible) where.push(visible);
  for (const name of Object.keys(FILTERS) as (keyof ColumnFilters)[]) {
    const value = filters[name];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    where.push(FILTERS[name](p, value as never));
  }
  where.push(...fieldFilterSql(p, fieldMatches));
  const spec = CASE_SORTS[sort];
  if (after) {
    const op = spec.direction === 'DESC' ? '<' : '>';
    // Past the last dated row every key is the nulls-last stand-in (the largest value): said as
    // `key = stand-in`, the planner estimates the tail from the index statistics, where the row
    // comparison `> (stand-in, id)` would be estimated empty and the tenant sorted instead.
    const tail = after[1] === null && spec.field.startsWith('nullable');
    where.push(
      tail
        ? `${spec.key} = ${spec.cursorParam('NULL')} AND c.id ${op} ${p(after[2])}::uuid`
        : `(${spec.key}, c.id) ${op} (${spec.cursorParam(p(after[1]))}, ${p(after[2])}::uuid)`,
    );
  }
  const sql = `SELECT ${CASE_COLUMNS}, ${spec.cursorKey} AS "cursorKey"
    FROM ${CASE_FROM}
    WHERE ${where.join('\n      AND ')}
    ORDER BY ${spec.key} ${spec.direction}, c.id ${spec.direction}
    LIMIT ${p(limit + 1)}`;
  return { sql, params };
}
