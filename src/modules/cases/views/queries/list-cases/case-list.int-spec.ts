import { DataSource } from 'typeorm';
import { CaseRowBuilder } from '../../../../../../test/support/builders/case-rows.builder';
import {
  caseListPlan,
  expectIndexWalk as expectWalk,
  LIST_LIMIT,
} from '../../../../../../test/support/query-plans';
import { planDatabase } from '../../../../../../test/support/scratch-database';
import { newTenant } from '../../../../../../test/support/test-env';
import { Actor } from '../../../../../shared/auth/actor';
import { CaseState } from '../../../../../shared/domain/case-state';
import { CursorValues } from '../../../../../shared/http/pagination';
import { CaseListSqlInput } from './case-list.sql';

const CASES = 20_000;
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/**
 * The plans of the case lists in a tenant of 20 000 cases: each list walks one index in its sort
 * order and stops after the page (limit + 1 rows), never a Seq Scan or a sort of the tenant.
 * Runs in a database of its own (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set), so
 * that the statistics are this data's alone.
 */
describe(`case list plans (${engine}, ${CASES} cases)`, () => {
  let database: Awaited<ReturnType<typeof planDatabase>>;
  let db: DataSource;
  const tenant = newTenant();
  const actor = new Actor(tenant, 'user7', new Set(['CASE_ALL']), ['group3']);
  let caseTypeIds: string[];

  beforeAll(async () => {
    database = await planDatabase('plans_case_list');
    db = database.db;
    const b = new CaseRowBuilder(db, tenant);
    caseTypeIds = [];
    for (const name of ['Incident', 'Request', 'Change', 'Problem']) {
      caseTypeIds.push(await b.caseType(name));
    }
    const priorityIds = [await b.priority(1), await b.priority(2), await b.priority(3)];
    await b.bulk(CASES, { caseTypeIds, priorityIds, users: 100 });
    await db.query('ANALYZE cases');
  }, 120_000);
  afterAll(() => database?.drop());

  const explain = (input: Partial<CaseListSqlInput>, after?: CursorValues) =>
    caseListPlan(db, { actor, ...input }, after);
  const expectIndexWalk = (index: string, input: Partial<CaseListSqlInput>) =>
    expectWalk(db, index, { actor, ...input });

  it('walks (client_id, created_at, id) for the default list', () =>
    expectIndexWalk('ix_cases_created', {}));

  it('walks (client_id, state, created_at, id) for a state-filtered list', () =>
    expectIndexWalk('ix_cases_state', { filters: { state: [CaseState.IN_PROCESS] } }));

  it('walks (client_id, case_type_id, created_at, id) for a case-type list', () =>
    expectIndexWalk('ix_cases_case_type', { filters: { caseTypeId: caseTypeIds[2] } }));

  it('walks the initiator index for /mine and the partial index for /unassigned', async () => {
    await expectIndexWalk('ix_cases_unassigned', { view: 'unassigned' });
    const [{ own }] = (await db.query(
      'SELECT count(*)::int AS own FROM cases WHERE client_id = $1 AND initiator_id = $2',
      [tenant, actor.userId],
    )) as { own: number }[];
    const first = await explain({ view: 'mine' });
    const last = first.rows[LIST_LIMIT - 1];
    const second = await explain({ view: 'mine' }, [
      'createdAt',
      last.cursorKey as string,
      last.id,
    ]);
    // On a database shared with other tenants, PostgreSQL multiplies the tenant's and the
    // initiator's selectivities as if independent, may estimate a handful of rows and choose to
    // sort them. Either plan reads only this initiator's rows through its index, never the tenant.
    for (const page of [first, second]) {
      expect(page.scans).toEqual(['Index Scan ix_cases_initiator']);
      expect(page.rowsRead).toBeLessThanOrEqual(own);
      expect(page.rowsRead).toBeLessThan(CASES / 10);
    }
    expect(second.rows[0].id).toBe(first.rows[LIST_LIMIT].id);
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
