import { DataSource } from 'typeorm';
import {
  caseListSql,
  CaseListSqlInput,
} from '../../src/modules/cases/views/queries/list-cases/case-list.sql';
import { CursorValues } from '../../src/shared/http/pagination';

/** One node of `EXPLAIN (ANALYZE, FORMAT JSON)`: the fields the plan tests read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

/** A node and everything below it, depth first. */
export const planNodes = (plan: PlanNode): PlanNode[] => [
  plan,
  ...(plan.Plans ?? []).flatMap(planNodes),
];

/** How a node reads: `Index Scan ix_cases_created`, `Seq Scan`, `Bitmap Heap Scan`... */
export const scanOf = (n: PlanNode): string => `${n['Node Type']} ${n['Index Name'] ?? ''}`.trim();

/** The executed plan of `sql`, flattened. */
export async function explainNodes(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<PlanNode[]> {
  const [row] = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)) as {
    'QUERY PLAN': { Plan: PlanNode }[];
  }[];
  return planNodes(row['QUERY PLAN'][0].Plan);
}

const isCases = (n: PlanNode) => n['Relation Name'] === 'cases';

export const LIST_LIMIT = 50;

/**
 * A case list's plan and rows: how it reads `cases`, how many rows it read there, and how many
 * sorts sit above that read (a sort over the cases scan would mean sorting the tenant; PostgreSQL
 * 16+ also shows the slaInstanceIds array_agg's per-case sort, which is not above it).
 */
export async function caseListPlan(
  db: DataSource,
  input: Partial<CaseListSqlInput> & Pick<CaseListSqlInput, 'actor'>,
  after?: CursorValues,
) {
  const full = { view: 'all', filters: {}, sort: 'createdAt', limit: LIST_LIMIT, ...input };
  const { sql, params } = caseListSql(full as CaseListSqlInput, after);
  const all = await explainNodes(db, sql, params);
  const onCases = all.filter(isCases);
  return {
    scans: onCases.map(scanOf),
    rowsRead: onCases.reduce((sum, n) => sum + (n['Actual Rows'] ?? 0), 0),
    sorts: all.filter((n) => n['Node Type'].includes('Sort') && planNodes(n).some(isCases)).length,
    rows: (await db.query(sql, params)) as { id: string; cursorKey: unknown }[],
  };
}

/**
 * The first page and the one after its cursor each walk `index` in order and stop after the page
 * (limit + 1 rows), with no sort above it; the second page starts where the first ended.
 */
export async function expectIndexWalk(
  db: DataSource,
  index: string,
  input: Partial<CaseListSqlInput> & Pick<CaseListSqlInput, 'actor'>,
) {
  const walk = { scans: [`Index Scan ${index}`], sorts: 0, rowsRead: LIST_LIMIT + 1 };
  const first = await caseListPlan(db, input);
  expect(first).toMatchObject(walk);
  const last = first.rows[LIST_LIMIT - 1];
  const after: CursorValues = [input.sort ?? 'createdAt', last.cursorKey as string, last.id];
  const second = await caseListPlan(db, input, after);
  expect(second).toMatchObject(walk);
  expect(second.rows[0].id).toBe(first.rows[LIST_LIMIT].id);
  return first.rows;
}
