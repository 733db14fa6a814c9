import { ActivityEntry, ActivityLog } from '../../src/modules/activity/activity-log';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const SLA = { name: 'First response', warnAfterMinutes: 15, breachAfterMinutes: 60 };

describe('Jobs: SLA check (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** A tenant with an SLA'd case type and `n` cases, created a minute apart (due in that order). */
  async function tenantWithCases(n: number) {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ slas: [SLA] });
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await createCase(t, tenant, { caseTypeId: type.id })).id);
      t.clock.advanceMinutes(1);
    }
    return { tenant, ids };
  }

  const checkAs = (tenant: string, body: object = {}, permissions = [Permission.CASE_CHECK_SLA]) =>
    t.http.post('/api/v1/jobs/sla-check').set(bearer({ tenant, permissions })).send(body);

  const caseOf = async (tenant: string, id: string) =>
    (await t.http.get(`/api/v1/cases/${id}`).set(bearer({ tenant })).expect(200)).body.data;

  it('answers CASE9006 with the counts, and marks the SLA on the case', async () => {
    const { tenant, ids } = await tenantWithCases(1);
    t.clock.advanceMinutes(15);
    const res = await checkAs(tenant);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'CASE9006',
      message: 'Checking of the requested SLA(s) was successful.',
      data: { checked: 1, warned: 1, violated: 0, escalated: 0, errors: 0, stopped: false },
    });
    const kase = await caseOf(tenant, ids[0]);
    expect(kase.messageWarnedSLAs).toEqual(kase.slaInstanceIds);

    t.clock.advanceMinutes(45);
    expect((await checkAs(tenant, { continueOnError: true })).body.data).toEqual({
      checked: 1,
      warned: 0,
      violated: 1,
      escalated: 0,
      errors: 0,
      stopped: false,
    });
    expect((await checkAs(tenant)).body.data).toMatchObject({ checked: 0, warned: 0, violated: 0 });
  });

  it('checks only the caller’s tenant', async () => {
    const mine = await tenantWithCases(2);
    const theirs = await tenantWithCases(1);
    t.clock.advanceMinutes(20);
    expect((await checkAs(mine.tenant)).body.data).toMatchObject({ checked: 2, warned: 2 });
    expect((await caseOf(theirs.tenant, theirs.ids[0])).messageWarnedSLAs).toEqual([]);
    expect((await checkAs(theirs.tenant)).body.data).toMatchObject({ checked: 1, warned: 1 });
  });

  it('still answers 200 when a case fails: errors counted, stopped without continueOnError', async () => {
    const { tenant, ids } = await tenantWithCases(2);
    const activityLog = t.app.get(ActivityLog, { strict: false });
    const realAppend = activityLog.append.bind(activityLog);
    jest
      .spyOn(activityLog, 'append')
      .mockImplementation(async (entries: readonly ActivityEntry[]) => {
        if (entries.some((e) => e.caseId === ids[0] && e.type === 'sla.warned')) {
          throw new Error('refused');
        }
        return realAppend(entries);
      });
    t.clock.advanceMinutes(20);
    const res = await checkAs(tenant, { continueOnError: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'CASE9006',
      data: { checked: 1, warned: 0, errors: 1, stopped: true },
    });
    expect((await checkAs(tenant, { continueOnError: true })).body.data).toEqual({
      checked: 2,
      warned: 1,
      violated: 0,
      escalated: 0,
      errors: 1,
      stopped: false,
    });
  });

  it('rejects a malformed body with 400 and a detail per field', async () => {
    const tenant = newTenant();
    const res = await checkAs(tenant, { continueOnError: 'yes', clientId: 'someone-else' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4000');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['clientId', 'continueOnError']);
  });

  it('needs CASE_CHECK_SLA (or CASE_ALL)', async () => {
    await expectPermissionMatrix(t, newTenant(), {
      method: 'post',
      path: '/api/v1/jobs/sla-check',
      body: {},
      permissions: [Permission.CASE_CHECK_SLA],
    });
  });
});
