import { DataSource } from 'typeorm';
import { CaseRowBuilder } from '../../../../../../test/support/builders/case-rows.builder';
import { newTenant } from '../../../../../../test/support/test-env';
import { Actor } from '../../../../../shared/auth/actor';
import { CaseState } from '../../../../../shared/domain/case-state';
import { dataSourceOptions } from '../../../../../shared/database/data-source-options';
import { CursorValues } from '../../../../../shared/http/pagination';
import { caseListSql, CaseListSqlInput } from './case-list.sql';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const isCases = (n: PlanNode) => n['Relation Name'] === 'cases';

const CASES = 20_000;
const LIMIT = 50;
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/**
 * The plans of the case lists in a tenant of 20 000 cases: each list walks one index in its sort
 * order and stops after the page (limit + 1 rows), never a Seq Scan or a sort of the tenant.
 * Runs on the test database: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
 */
describe(`case list plans (${engine}, ${CASES} cases)`, () => {
  let db: DataSource;
  const tenant = newTenant();
  const actor = new Actor(tenant, 'user7', new Set(['CASE_ALL']), ['group3']);
  let caseTypeIds: string[];

  beforeAll(async () => {
    db = await new DataSource(
      dataSourceOptions({ url: process.env.CMS_TEST_DATABASE_URL as string }, 2),
    ).initialize();
    const b = new CaseRowBuilder(db, tenant);
    caseTypeIds = [];
    for (const name of ['Incident', 'Request', 'Change', 'Problem']) {
      caseTypeIds.push(await b.caseType(name));
    }
    const priorityIds = [await b.priority(1), await b.priority(2), await b.priority(3)];
    await b.bulk(CASES, { caseTypeIds, priorityIds, users: 100 });
    await db.query('ANALYZE cases');
  }, 120_000);
  afterAll(() => db?.destroy());

  async function explain(input: Partial<CaseListSqlInput>, after?: CursorValues) {
    const full = { actor, view: 'all', filters: {}, sort: 'createdAt', limit: LIMIT, ...input };
    const { sql, params } = caseListSql(full as CaseListSqlInput, after);
    const [row] = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)) as {
      'QUERY PLAN': { Plan: PlanNode }[];
    }[];
    const all = nodes(row['QUERY PLAN'][0].Plan);
    const onCases = all.filter(isCases);
    return {
      scans: onCases.map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`.trim()),
      rowsRead: onCases.reduce((sum, n) => sum + (n['Actual Rows'] ?? 0), 0),
      // A sort over the cases scan would mean sorting the tenant (PostgreSQL 16+ also shows
      // the slaInstanceIds array_agg's per-case sort, which is fine).
      sorts: all.filter((n) => n['Node Type'].includes('Sort') && nodes(n).some(isCases)).length,
      rows: (await db.query(sql, params)) as { id: string; cursorKey: unknown }[],
    };
  }

  async function expectIndexWalk(index: string, input: Partial<CaseListSqlInput>) {
    const first = await explain(input);
    expect(first).toMatchObject({ scans: [`Index Scan ${index}`], sorts: 0, rowsRead: LIMIT + 1 });
    const last = first.rows[LIMIT - 1];
    const second = await explain(input, [
      input.sort ?? 'createdAt',
      last.cursorKey as string,
      last.id,
    ]);
    expect(second).toMatchObject({ scans: [`Index Scan ${index}`], sorts: 0, rowsRead: LIMIT + 1 });
    expect(second.rows[0].id).toBe(first.rows[LIMIT].id);
  }

  it('walks (client_id, created_at, id) for the default list', () =>
    expectIndexWalk('ix_cases_created', {}));

  it('walks (client_id, state, created_at, id) for a state-filtered list', () =>
    expectIndexWalk('ix_cases_state', { filters: { state: [CaseState.IN_PROCESS] } }));

  it('walks (client_id, case_type_id, created_at, id) for a case-type list', () =>
    expectIndexWalk('ix_cases_case_type', { filters: { caseTypeId: caseTypeIds[2] } }));

  it('walks the initiator index for /mine and the partial index for /unassigned', async () => {
    await expectIndexWalk('ix_cases_initiator', { view: 'mine' });
    await expectIndexWalk('ix_cases_unassigned', { view: 'unassigned' });
  });

  it('walks the nulls-last expression indexes for the dueDate and priority sorts', async () => {
    await expectIndexWalk('ix_cases_due', { sort: 'dueDate' });
    await expectIndexWalk('ix_cases_priority', { sort: 'priority' });
  });

  it('answers a selective tag from its GIN index without walking the tenant', async () => {
    const plan = await explain({ filters: { tag: 'no-such-tag' } });
    expect(plan.scans).toEqual(['Bitmap Heap Scan']);
    expect(plan.rowsRead).toBe(0);
  });
});
