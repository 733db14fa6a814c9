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
import { CursorValues } from '../../../../../shared/http/pagination';
import { CaseListSqlInput } from './case-list.sql';

const CASES = 20_000;
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** A deterministic percentage per case. */
const PCT = `((hashint4((seq + 77)::int)::bigint + 2147483648) % 100)`;

/**
 * The plans of the SLA case lists (slaStatus filter, slaDueAt sort) in a tenant of 20 000 cases
 * with a service-desk mix of SLA summaries (5 % breached, 10 % at risk, 25 % met, 60 % none;
 * 30 % without a breach owed): each walks one sla-lists index in its order and stops after the
 * page, never a Seq Scan or a sort of the tenant, on the first page and after a cursor.
 */
describe(`case list plans: SLA status and due (${engine}, ${CASES} cases)`, () => {
  let database: Awaited<ReturnType<typeof planDatabase>>;
  let db: DataSource;
  const tenant = newTenant();
  const actor = new Actor(tenant, 'user7', new Set(['CASE_ALL']), ['group3']);

  beforeAll(async () => {
    database = await planDatabase('plans_case_list_sla');
    db = database.db;
    const b = new CaseRowBuilder(db, tenant);
    const caseTypeIds = [await b.caseType('Incident'), await b.caseType('Request')];
    await b.bulk(CASES, { caseTypeIds, users: 100 });
    await db.query(
      `UPDATE cases
          SET sla_status = CASE WHEN ${PCT} < 5 THEN 'breached' WHEN ${PCT} < 15 THEN 'at-risk'
                                WHEN ${PCT} < 40 THEN 'met' END,
              sla_due_at = CASE WHEN ${PCT} < 70 AND ${PCT} NOT BETWEEN 15 AND 39
                                THEN created_at + (seq % 480) * interval '1 minute' END
        WHERE client_id = $1`,
      [tenant],
    );
    await db.query('ANALYZE cases');
  }, 120_000);
  afterAll(() => database?.drop());

  const explain = (input: Partial<CaseListSqlInput>, after?: CursorValues) =>
    caseListPlan(db, { actor, ...input }, after);
  const expectIndexWalk = (index: string, input: Partial<CaseListSqlInput>) =>
    expectWalk(db, index, { actor, ...input });

  it('walks (client_id, sla_status, created_at, id) for a slaStatus list', async () => {
    await expectIndexWalk('ix_cases_sla_status', { filters: { slaStatus: ['at-risk'] } });
    await expectIndexWalk('ix_cases_sla_status', { filters: { slaStatus: ['breached'] } });
  });

  it('walks the nulls-last (client_id, sla_due_at, id) index for sort=slaDueAt', () =>
    expectIndexWalk('ix_cases_sla_due', { sort: 'slaDueAt' }));

  it('walks (client_id, sla_status, sla_due_at, id) for both, the at-risk queue', () =>
    expectIndexWalk('ix_cases_sla_status_due', {
      filters: { slaStatus: ['at-risk'] },
      sort: 'slaDueAt',
    }));

  it('pages into the cases owing no breach (null due) by the same index', async () => {
    const [{ owed }] = await db.query<{ owed: number }[]>(
      `SELECT count(*)::int AS owed FROM cases WHERE client_id = $1 AND sla_due_at IS NOT NULL`,
      [tenant],
    );
    const [{ cursor }] = await db.query<{ cursor: string }[]>(
      `SELECT to_char(sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ||
              '|' || id AS cursor
         FROM cases WHERE client_id = $1 AND sla_due_at IS NOT NULL
        ORDER BY sla_due_at DESC, id DESC LIMIT 1`,
      [tenant],
    );
    const [key, id] = cursor.split('|');
    const tail = await explain({ sort: 'slaDueAt' }, ['slaDueAt', key, id]);
    expect(tail).toMatchObject({ scans: ['Index Scan ix_cases_sla_due'], sorts: 0 });
    expect(owed).toBeLessThan(CASES);
    expect(tail.rows.map((r) => r.cursorKey)).toEqual(new Array(LIST_LIMIT + 1).fill(null));
    const next = tail.rows[LIST_LIMIT - 1];
    const deeper = await explain({ sort: 'slaDueAt' }, ['slaDueAt', null, next.id]);
    expect(deeper).toMatchObject({
      scans: ['Index Scan ix_cases_sla_due'],
      sorts: 0,
      rowsRead: LIST_LIMIT + 1,
    });
    expect(deeper.rows[0].id).toBe(tail.rows[LIST_LIMIT].id);
  });
});
