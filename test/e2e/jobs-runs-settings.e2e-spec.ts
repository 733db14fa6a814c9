import { SlaCheck } from '../../src/modules/sla/checks/sla-check/sla-check';
import { SlaCheckJob } from '../../src/modules/sla/checks/sla-check/sla-check.job';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { PrivateDatabase, privateDatabase } from '../support/scratch-database';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const SLA = { name: 'First response', warnAfterMinutes: 15, breachAfterMinutes: 60 };
const { CASE_ALL, CASE_CHECK_SLA, CASE_CHECK_DUE_DATES, CASE_AUTOCLOSE_VIEW } = Permission;

/**
 * On a database of its own: the scheduled SLA check run here logs a run for every tenant, and
 * other test files' all-tenant jobs would log runs for this file's tenants on a shared one.
 */
describe('Jobs: runs and settings (e2e)', () => {
  let database: PrivateDatabase;
  let t: TestApp;

  beforeAll(async () => {
    // Migrated by the app's DatabaseModule as it starts.
    database = await privateDatabase('jobs_runs');
    t = await createTestApp({ DATABASE_URL: database.url });
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** A tenant with an SLA'd case type and one case whose warning is due. */
  async function dueTenant() {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ slas: [SLA] });
    await createCase(t, tenant, { caseTypeId: type.id });
    t.clock.advanceMinutes(15);
    return { tenant, typeId: type.id };
  }

  const as = (tenant: string, permissions: Permission[]) => bearer({ tenant, permissions });
  const runsOf = (tenant: string, query = '', permissions = [CASE_ALL]) =>
    t.http.get(`/api/v1/jobs/runs${query}`).set(as(tenant, permissions));

  it('records each REST-triggered check as an api run of the caller’s tenant only', async () => {
    const { tenant } = await dueTenant();
    const other = newTenant();
    await t.http
      .post('/api/v1/jobs/sla-check')
      .set(as(tenant, [CASE_CHECK_SLA]))
      .send({})
      .expect(200);
    await t.http
      .post('/api/v1/jobs/due-date-check')
      .set(as(tenant, [CASE_CHECK_DUE_DATES]))
      .send({ caseTypeIds: [] })
      .expect(200);
    await t.http
      .post('/api/v1/jobs/auto-close')
      .set(as(tenant, [CASE_AUTOCLOSE_VIEW]))
      .expect(200);

    const res = await runsOf(tenant).expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ job: 'auto-close', enqueued: 0 }),
      expect.objectContaining({ job: 'due-date-check', checked: 0, warned: 0, exceeded: 0 }),
      {
        id: expect.any(String),
        job: 'sla-check',
        trigger: 'api',
        startedAt: new Date(TEST_START.getTime() + 15 * 60_000).toISOString(),
        endedAt: expect.any(String),
        checked: 1,
        warned: 1,
        violated: 0,
        escalated: 0,
        errors: 0,
        stopped: false,
        failure: null,
        replica: expect.stringMatching(/:\d+$/),
      },
    ]);
    expect(res.body.data.every((r: { trigger: string }) => r.trigger === 'api')).toBe(true);
    expect((await runsOf(other).expect(200)).body.data).toEqual([]);

    // One job's permission shows that job's runs only; another job by name is refused.
    const sla = await runsOf(tenant, '', [CASE_CHECK_SLA]).expect(200);
    expect(sla.body.data.map((r: { job: string }) => r.job)).toEqual(['sla-check']);
    const refused = await runsOf(tenant, '?job=auto-close', [CASE_CHECK_SLA]).expect(403);
    expect(refused.body.code).toBe('CASE4030');
    const filtered = await runsOf(tenant, '?job=due-date-check').expect(200);
    expect(filtered.body.data.map((r: { job: string }) => r.job)).toEqual(['due-date-check']);

    // Newest first, one page at a time.
    const first = await runsOf(tenant, '?limit=2').expect(200);
    expect(first.body.data).toHaveLength(2);
    const next = await runsOf(tenant, `?limit=2&cursor=${first.body.page.nextCursor}`).expect(200);
    expect(next.body.data.map((r: { job: string }) => r.job)).toEqual(['sla-check']);
    expect(next.body.page.nextCursor).toBeNull();
    await runsOf(tenant, '?cursor=garbage').expect(400);
    await runsOf(tenant, '?job=backup').expect(400);
  });

  it('shows a run in progress (and a killed one) with endedAt null, a failed one with its failure', async () => {
    const { tenant } = await dueTenant();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const check = t.app.get(SlaCheck);
    const real = check.run.bind(check);
    jest.spyOn(check, 'run').mockImplementation(async (input) => {
      await gate;
      return real(input);
    });
    const pending = t.http
      .post('/api/v1/jobs/sla-check')
      .set(as(tenant, [CASE_CHECK_SLA]))
      .send({});
    const done = pending.then((r) => r);
    for (let i = 0; i < 50; i++) {
      const { body } = await runsOf(tenant).expect(200);
      if (body.data.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await runsOf(tenant).expect(200)).body.data).toEqual([
      expect.objectContaining({ job: 'sla-check', endedAt: null, errors: 0, stopped: false }),
    ]);
    release();
    expect((await done).status).toBe(200);
    expect((await runsOf(tenant).expect(200)).body.data[0]).toMatchObject({ warned: 1 });

    jest.spyOn(check, 'run').mockRejectedValueOnce(new Error('database gone'));
    await t.http
      .post('/api/v1/jobs/sla-check')
      .set(as(tenant, [CASE_CHECK_SLA]))
      .send({})
      .expect(500);
    expect((await runsOf(tenant).expect(200)).body.data[0]).toMatchObject({
      endedAt: expect.any(String),
      errors: 1,
      stopped: true,
      failure: 'database gone',
    });
  });

  it('keeps per-tenant settings over the defaults, validated, and the scheduled check obeys them', async () => {
    const { tenant, typeId } = await dueTenant();
    const foreign = await new DefinitionsBuilder(t.dataSource, newTenant()).caseType();
    const admin = as(tenant, [CASE_ALL]);
    const defaults = await t.http.get('/api/v1/jobs/settings').set(admin).expect(200);
    expect(defaults.body.data).toEqual({
      dueDateCaseTypeIds: [],
      continueOnError: expect.any(Boolean),
      enabled: { slaCheck: true, dueDateCheck: true, autoClose: true },
    });

    const put = (body: object) => t.http.put('/api/v1/jobs/settings').set(admin).send(body);
    const saved = await put({
      dueDateCaseTypeIds: [typeId],
      continueOnError: false,
      enabled: { slaCheck: false },
    }).expect(200);
    expect(saved.body).toEqual({
      code: 'CASE1520',
      message: 'Job settings saved successfully.',
      data: {
        dueDateCaseTypeIds: [typeId],
        continueOnError: false,
        enabled: { slaCheck: false, dueDateCheck: true, autoClose: true },
      },
    });
    expect((await t.http.get('/api/v1/jobs/settings').set(admin).expect(200)).body.data).toEqual(
      saved.body.data,
    );
    const other = newTenant();
    const untouched = await t.http.get('/api/v1/jobs/settings').set(as(other, [CASE_ALL]));
    expect(untouched.body.data.enabled.slaCheck).toBe(true);

    for (const bad of [
      { dueDateCaseTypeIds: [foreign.id] },
      { dueDateCaseTypeIds: ['not-a-uuid'] },
      { continueOnError: 'yes' },
      { enabled: { slaCheck: 'no' } },
      { enabled: 'off' },
      { somethingElse: true },
    ]) {
      const res = await put(bad);
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'CASE4000',
      });
    }
    // A refused write changed nothing.
    expect((await t.http.get('/api/v1/jobs/settings').set(admin)).body.data).toEqual(
      saved.body.data,
    );

    // Disabled: the scheduled check passes the tenant by; enabled again, it checks it. (This
    // file's other tenants are only counted, never marked.)
    const check = t.app.get(SlaCheck);
    const real = check.run.bind(check);
    const run = jest.spyOn(check, 'run').mockImplementation(async (input) => {
      if (input.clientId === tenant) return real(input);
      return { checked: 0, warned: 0, violated: 0, escalated: 0, errors: 0, stopped: false };
    });
    await t.app.get(SlaCheckJob).run();
    expect(run.mock.calls.map(([i]) => i.clientId)).not.toContain(tenant);
    await put({ continueOnError: false }).expect(200);
    await t.app.get(SlaCheckJob).run();
    expect(run).toHaveBeenCalledWith({ clientId: tenant, continueOnError: false });
    const runs = (await runsOf(tenant).expect(200)).body.data;
    expect(runs).toEqual([
      expect.objectContaining({ job: 'sla-check', trigger: 'schedule', warned: 1 }),
    ]);
    // PUT {} gives the defaults back.
    const reset = await put({}).expect(200);
    expect(reset.body.data).toEqual(defaults.body.data);
  });

  it('guards the routes: runs for any job permission, settings for CASE_ALL only', async () => {
    const tenant = newTenant();
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: '/api/v1/jobs/runs',
      permissions: [CASE_CHECK_SLA, CASE_CHECK_DUE_DATES, CASE_AUTOCLOSE_VIEW],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: '/api/v1/jobs/settings',
      permissions: [CASE_ALL],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'put',
      path: '/api/v1/jobs/settings',
      body: {},
      permissions: [CASE_ALL],
    });
  });
});
