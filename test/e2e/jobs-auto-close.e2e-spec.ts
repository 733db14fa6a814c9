import { Permission } from '../../src/shared/auth/permission.enum';
import { EmbeddedQueueConsumer } from '../../src/shared/queue/embedded/embedded-queue.consumer';
import { QueueSettings } from '../../src/shared/queue/queue.settings';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { eventually } from '../support/queue-test-module';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';
import { CaseState } from '../../src/shared/domain/case-state';

const HOUR_MINUTES = 60;

describe('Jobs: auto-close (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A queue of its own: the embedded queue table is shared by every test file.
    t = await createTestApp({ DATABASE_POOL_SIZE: '8' });
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  /** A tenant whose type auto-closes after 1 h, with `n` cases resolved a minute apart. */
  async function tenantWithResolved(n: number) {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ autoCloseHours: 1 });
    const cases: { id: string; displayId: string; resolutionDate: string }[] = [];
    for (let i = 0; i < n; i++) {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const resolved = await moveTo(t, tenant, id, CaseState.RESOLVED);
      cases.push({
        id,
        displayId: resolved.displayId,
        resolutionDate: t.clock.now().toISOString(),
      });
      t.clock.advanceMinutes(1);
    }
    return { tenant, typeId: type.id, cases };
  }

  const viewer = (tenant: string) =>
    bearer({ tenant, permissions: [Permission.CASE_AUTOCLOSE_VIEW] });

  it('lists the eligible cases oldest first, keyset-paginated', async () => {
    const { tenant, typeId, cases } = await tenantWithResolved(3);
    const list = (query = '') =>
      t.http.get(`/api/v1/jobs/auto-close/eligible${query}`).set(viewer(tenant));
    // The third case was resolved 2 minutes after the first: at +61 min it is not yet eligible.
    t.clock.set(new Date(TEST_START.getTime() + 61 * 60_000));
    expect((await list()).body.data.map((c: { caseId: string }) => c.caseId)).toEqual(
      cases.slice(0, 2).map((c) => c.id),
    );

    t.clock.advanceMinutes(1);
    const first = await list('?limit=2');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: cases.slice(0, 2).map((c) => ({
        caseId: c.id,
        displayId: c.displayId,
        caseTypeId: typeId,
        resolutionDate: c.resolutionDate,
        eligibleSince: new Date(Date.parse(c.resolutionDate) + HOUR_MINUTES * 60_000).toISOString(),
      })),
      page: { limit: 2, nextCursor: expect.any(String) },
    });
    const second = await list(`?limit=2&cursor=${first.body.page.nextCursor}`);
    expect(second.body).toEqual({
      data: [expect.objectContaining({ caseId: cases[2].id })],
      page: { limit: 2, nextCursor: null },
    });
  });

  it('queues one message per eligible case of the caller’s tenant, and the consumer closes them', async () => {
    const mine = await tenantWithResolved(2);
    const theirs = await tenantWithResolved(1);
    t.clock.advanceMinutes(2 * HOUR_MINUTES);
    const res = await t.http.post('/api/v1/jobs/auto-close').set(viewer(mine.tenant)).send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'CASE1005',
      message: 'Auto-close messages enqueued successfully.',
      data: { enqueued: 2 },
    });

    expect(await t.app.get(EmbeddedQueueConsumer).drain()).toBe(2);
    for (const c of mine.cases) {
      const got = await t.http.get(`/api/v1/cases/${c.id}`).set(bearer({ tenant: mine.tenant }));
      expect(got.body.data).toMatchObject({ state: CaseState.COMPLETED });
    }
    const untouched = await t.http
      .get(`/api/v1/cases/${theirs.cases[0].id}`)
      .set(bearer({ tenant: theirs.tenant }));
    expect(untouched.body.data).toMatchObject({ state: CaseState.RESOLVED });
    const theirList = await t.http
      .get('/api/v1/jobs/auto-close/eligible')
      .set(viewer(theirs.tenant));
    expect(theirList.body.data).toHaveLength(1);
    expect((await t.http.post('/api/v1/jobs/auto-close').set(viewer(mine.tenant))).body).toEqual({
      code: 'CASE1005',
      message: 'Auto-close messages enqueued successfully.',
      data: { enqueued: 0 },
    });
  });

  it('rejects a malformed cursor or limit with 400', async () => {
    const tenant = newTenant();
    const garbage = await t.http
      .get('/api/v1/jobs/auto-close/eligible?cursor=garbage')
      .set(viewer(tenant));
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('CASE4002');
    const forged = Buffer.from(
      JSON.stringify(['2026', '0b9e8f5c-3a4d-4c2b-9e1f-7a6b5c4d3e2f']),
    ).toString('base64url');
    const wrongShape = await t.http
      .get(`/api/v1/jobs/auto-close/eligible?cursor=${forged}`)
      .set(viewer(tenant));
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.code).toBe('CASE4002');
    const limit = await t.http.get('/api/v1/jobs/auto-close/eligible?limit=0').set(viewer(tenant));
    expect(limit.status).toBe(400);
    expect(limit.body.code).toBe('CASE4000');
  });

  it('needs CASE_AUTOCLOSE_VIEW (or CASE_ALL) on both routes', async () => {
    const tenant = newTenant();
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: '/api/v1/jobs/auto-close/eligible',
      permissions: [Permission.CASE_AUTOCLOSE_VIEW],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/jobs/auto-close',
      body: {},
      permissions: [Permission.CASE_AUTOCLOSE_VIEW],
    });
    expect(t.app.get(QueueSettings).queueName).toMatch(/^test-queue-/);
  });
});

describe('Jobs: auto-close with the built-in scheduler off (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The deployment the seed describes: an external scheduler calls REST, this instance consumes.
    t = await createTestApp(
      { DATABASE_POOL_SIZE: '8', JOBS_ENABLED: 'false', QUEUE_CONSUMERS_ENABLED: 'true' },
      { queue: { pollIntervalMs: 50 } },
    );
  });
  afterAll(() => t.close());

  it('still consumes what POST /jobs/auto-close enqueued', async () => {
    t.clock.set(TEST_START);
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ autoCloseHours: 1 });
    const { id } = await createCase(t, tenant, { caseTypeId: type.id });
    await moveTo(t, tenant, id, CaseState.RESOLVED);
    t.clock.advanceMinutes(2 * HOUR_MINUTES);
    const viewer = bearer({ tenant, permissions: [Permission.CASE_AUTOCLOSE_VIEW] });
    const res = await t.http.post('/api/v1/jobs/auto-close').set(viewer).send({});
    expect(res.body).toMatchObject({ code: 'CASE1005', data: { enqueued: 1 } });
    await eventually(async () => {
      const got = await t.http.get(`/api/v1/cases/${id}`).set(bearer({ tenant }));
      expect(got.body.data).toMatchObject({ state: CaseState.COMPLETED });
    });
  });
});
