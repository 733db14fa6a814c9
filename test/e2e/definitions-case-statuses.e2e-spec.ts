import { Permission } from '../../src/shared/auth/permission.enum';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const DEFAULTS = [
  ['NEW', 'New'],
  ['OPENED', 'Opened'],
  ['IN_PROCESS', 'In Process'],
  ['REQUEST_INPUT', 'Request Input'],
  ['ON_HOLD', 'On Hold'],
  ['RESOLVED', 'Resolved'],
  ['REOPENED', 'Reopened'],
  ['COMPLETED', 'Completed'],
  ['CANCELED', 'Canceled'],
];

describe('Definitions: case statuses (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const labels = async (headers: Record<string, string>) => {
    const res = await t.http.get('/api/v1/case-statuses').set(headers).expect(200);
    return (res.body.data as { state: string; label: string }[]).map((s) => [s.state, s.label]);
  };

  it('lists the nine fixed states with default labels to any authenticated caller', async () => {
    const res = await t.http
      .get('/api/v1/case-statuses')
      .set(bearer({ tenant: newTenant(), permissions: [] }))
      .expect(200);
    expect(Object.keys(res.body)).toEqual(['data']);
    expect(res.body.data).toHaveLength(9);
    expect(res.body.data.map((s: { state: string; label: string }) => [s.state, s.label])).toEqual(
      DEFAULTS,
    );
    expect(res.body.data.filter((s: { terminal: boolean }) => s.terminal)).toEqual([
      { state: 'COMPLETED', label: 'Completed', terminal: true },
      { state: 'CANCELED', label: 'Canceled', terminal: true },
    ]);
  });

  it("relabels a state for the caller's tenant only, and again", async () => {
    const res = await t.http
      .put('/api/v1/case-statuses/ON_HOLD')
      .set(admin)
      .send({ label: '  Waiting for parts ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'CASE1004',
      message: 'Case status label changed successfully.',
      data: { state: 'ON_HOLD', label: 'Waiting for parts', terminal: false },
    });
    await t.http
      .put('/api/v1/case-statuses/NEW')
      .set(admin)
      .send({ label: 'Submitted' })
      .expect(200);
    await t.http
      .put('/api/v1/case-statuses/NEW')
      .set(admin)
      .send({ label: 'Received' })
      .expect(200);

    const mine = Object.fromEntries(await labels(admin));
    expect(mine).toMatchObject({ NEW: 'Received', ON_HOLD: 'Waiting for parts', OPENED: 'Opened' });
    expect(await labels(bearer({ tenant: newTenant() }))).toEqual(DEFAULTS);
  });

  it('answers 404 CASE4051 for an unknown state and 400 for a bad label', async () => {
    const unknown = await t.http
      .put('/api/v1/case-statuses/ARCHIVED')
      .set(admin)
      .send({ label: 'Old' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CASE4051');
    for (const body of [
      {},
      { label: '' },
      { label: '   ' },
      { label: 'x'.repeat(101) },
      { label: 3 },
    ]) {
      const res = await t.http.put('/api/v1/case-statuses/NEW').set(admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('label');
    }
    expect(Object.fromEntries(await labels(admin)).ARCHIVED).toBeUndefined();
  });

  it('enforces the permission matrix', async () => {
    expect((await t.http.get('/api/v1/case-statuses')).status).toBe(401);
    await expectPermissionMatrix(t, tenant, {
      method: 'put',
      path: '/api/v1/case-statuses/RESOLVED',
      body: { label: 'Fixed' },
      permissions: [Permission.CASE_DEF_EDIT],
    });
  });
});
