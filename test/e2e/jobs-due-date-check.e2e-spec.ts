import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Jobs: due-date check (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  /** A tenant with a case type due in 4 h (warned 1 h before) and one case of it. */
  async function tenantWithCase() {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({
      dueInHours: 4,
      warnBeforeHours: 1,
    });
    const kase = await createCase(t, tenant, { caseTypeId: type.id });
    return { tenant, typeId: type.id, caseId: kase.id };
  }

  const checkAs = (tenant: string, body: object) =>
    t.http
      .post('/api/v1/jobs/due-date-check')
      .set(bearer({ tenant, permissions: [Permission.CASE_CHECK_DUE_DATES] }))
      .send(body);

  const marks = async (tenant: string, id: string) => {
    const { markedDueDateWarning, markedDueDateExceeded } = (
      await t.http.get(`/api/v1/cases/${id}`).set(bearer({ tenant })).expect(200)
    ).body.data;
    return { markedDueDateWarning, markedDueDateExceeded };
  };

  it('answers CASE9008 with the counts and marks the case', async () => {
    const { tenant, typeId, caseId } = await tenantWithCase();
    t.clock.advanceMinutes(180);
    const res = await checkAs(tenant, { caseTypeIds: [typeId] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'CASE9008',
      message: 'Successfully checked Due Dates.',
      data: { checked: 1, warned: 1, exceeded: 0, errors: 0, stopped: false },
    });
    expect(await marks(tenant, caseId)).toEqual({
      markedDueDateWarning: true,
      markedDueDateExceeded: false,
    });
    t.clock.advanceMinutes(60);
    expect(
      (await checkAs(tenant, { caseTypeIds: [typeId], continueOnError: false })).body.data,
    ).toEqual({ checked: 1, warned: 0, exceeded: 1, errors: 0, stopped: false });
    expect(await marks(tenant, caseId)).toEqual({
      markedDueDateWarning: true,
      markedDueDateExceeded: true,
    });
  });

  it('checks nothing without case types, and nothing of another tenant’s types', async () => {
    const mine = await tenantWithCase();
    const theirs = await tenantWithCase();
    t.clock.advanceMinutes(300);
    expect((await checkAs(mine.tenant, { caseTypeIds: [] })).body.data).toMatchObject({
      checked: 0,
    });
    expect((await checkAs(mine.tenant, { caseTypeIds: [theirs.typeId] })).body.data).toMatchObject({
      checked: 0,
      warned: 0,
      exceeded: 0,
    });
    expect(await marks(theirs.tenant, theirs.caseId)).toEqual({
      markedDueDateWarning: false,
      markedDueDateExceeded: false,
    });
    expect((await checkAs(mine.tenant, { caseTypeIds: [mine.typeId] })).body.data).toMatchObject({
      checked: 1,
      warned: 1,
      exceeded: 1,
    });
  });

  it('rejects a malformed body with 400 and a detail per field', async () => {
    const tenant = newTenant();
    const missing = await checkAs(tenant, {});
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'caseTypeIds' })]),
    );
    const bad = await checkAs(tenant, { caseTypeIds: ['incidents'], continueOnError: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CASE4000');
    const fields = (bad.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['caseTypeIds', 'continueOnError']);
    const notAList = await checkAs(tenant, { caseTypeIds: 'a,b' });
    expect(notAList.status).toBe(400);
  });

  it('needs CASE_CHECK_DUE_DATES (or CASE_ALL)', async () => {
    await expectPermissionMatrix(t, newTenant(), {
      method: 'post',
      path: '/api/v1/jobs/due-date-check',
      body: { caseTypeIds: [] },
      permissions: [Permission.CASE_CHECK_DUE_DATES],
    });
  });
});
