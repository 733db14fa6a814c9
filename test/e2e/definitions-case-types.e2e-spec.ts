import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import {
  createCaseType,
  createPriority,
  createProcess,
  createSolution,
} from '../support/builders/definitions-http.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

/** The business-time fields of an SLA sent without them (issue 12). */
const resolutionDefaults = (targetMinutes: number) => ({
  metric: 'resolution',
  calendarId: null,
  targetMinutes,
  escalations: [],
});

describe('Definitions: case types (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object, headers = admin) =>
    t.http.post('/api/v1/case-types').set(headers).send(body);
  const patch = (id: string, body: object, headers = admin) =>
    t.http.patch(`/api/v1/case-types/${id}`).set(headers).send(body);

  it('creates a fully configured case type with names of its process and solution', async () => {
    const solutionId = await createSolution(t, admin, { name: 'IT Service Desk' });
    const processId = await createProcess(t, admin, { solutionId, name: 'Incidents' });
    const urgent = await createPriority(t, admin, { name: 'Urgent' });
    const normal = await createPriority(t, admin, { name: 'Normal', level: 5 });
    const created = await create({
      processId,
      name: 'Incident',
      code: 'INC',
      description: 'Something broke',
      autoCloseHours: 72,
      dueDate: { dueInHours: 24, warnBeforeHours: 4.5 },
      slas: [
        { name: 'Response', priorityId: urgent, warnAfterMinutes: 15, breachAfterMinutes: 30 },
        {
          name: 'Resolution',
          warnAfterMinutes: 240,
          breachAfterMinutes: 480,
          pauseInStates: ['ON_HOLD', 'REQUEST_INPUT'],
        },
      ],
      milestones: [
        { name: 'Opened', percent: 10, onState: 'OPENED' },
        { name: 'Done', percent: 100, onState: 'COMPLETED' },
      ],
      defaultPriorityId: normal,
      defaultAssignedToGroups: ['first-line', 'first-line', 'network'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'CASE0300',
      message: 'Case Type saved successfully.',
    });
    expect(created.body.data).toEqual({
      id: expect.any(String),
      processId,
      processName: 'Incidents',
      solutionId,
      solutionName: 'IT Service Desk',
      name: 'Incident',
      code: 'INC',
      description: 'Something broke',
      active: true,
      calendarId: null,
      autoCloseHours: 72,
      assignment: null,
      dueDate: { dueInHours: 24, warnBeforeHours: 4.5 },
      fields: [],
      slas: [
        {
          id: expect.any(String),
          name: 'Response',
          priorityId: urgent,
          warnAfterMinutes: 15,
          breachAfterMinutes: 30,
          pauseInStates: [],
          ...resolutionDefaults(30),
        },
        {
          id: expect.any(String),
          name: 'Resolution',
          priorityId: null,
          warnAfterMinutes: 240,
          breachAfterMinutes: 480,
          pauseInStates: ['ON_HOLD', 'REQUEST_INPUT'],
          ...resolutionDefaults(480),
        },
      ],
      milestones: [
        { name: 'Opened', percent: 10, onState: 'OPENED' },
        { name: 'Done', percent: 100, onState: 'COMPLETED' },
      ],
      defaultPriorityId: normal,
      defaultAssignedToGroups: ['first-line', 'network'],
      createdBy: 'alice',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const got = await t.http.get(`/api/v1/case-types/${created.body.data.id}`).set(admin);
    expect(got.body).toEqual({ data: created.body.data });
  });

  it('needs a process of the tenant that is not deleted (inactive is fine)', async () => {
    const missing = await create({ processId: randomUUID(), name: 'T', code: 'T1' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CASE4042');
    const foreign = await createProcess(t, bearer({ tenant: newTenant() }));
    expect((await create({ processId: foreign, name: 'T', code: 'T2' })).status).toBe(404);

    const processId = await createProcess(t, admin);
    await t.http.delete(`/api/v1/processes/${processId}`).set(admin).expect(200);
    const deleted = await create({ processId, name: 'T', code: 'T3' });
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('CASE4097');

    const solutionId = await createSolution(t, admin);
    const orphan = await createProcess(t, admin, { solutionId });
    await t.http.delete(`/api/v1/solutions/${solutionId}`).set(admin).expect(200);
    expect((await create({ processId: orphan, name: 'T', code: 'T4' })).body.code).toBe('CASE4097');

    const inactive = await createProcess(t, admin, { active: false });
    await create({ processId: inactive, name: 'T', code: 'T5' }).expect(201);
  });

  it('lists by process and by solution with keyset pagination', async () => {
    const headers = bearer({ tenant: newTenant() });
    const s1 = await createSolution(t, headers);
    const p1 = await createProcess(t, headers, { solutionId: s1 });
    const p2 = await createProcess(t, headers, { solutionId: s1 });
    const p3 = await createProcess(t, headers);
    for (const [processId, code] of [
      [p1, 'A'],
      [p2, 'B'],
      [p3, 'C'],
      [p1, 'D'],
    ]) {
      await createCaseType(t, headers, { processId, code });
      t.clock.advanceMinutes(1);
    }
    const codes = (res: { body: { data: { code: string }[] } }) => res.body.data.map((c) => c.code);
    const byProcess = await t.http.get(`/api/v1/case-types?processId=${p1}`).set(headers);
    expect(codes(byProcess)).toEqual(['A', 'D']);
    const bySolution = await t.http
      .get(`/api/v1/case-types?solutionId=${s1}&limit=2`)
      .set(headers)
      .expect(200);
    expect(codes(bySolution)).toEqual(['A', 'B']);
    const next = await t.http
      .get(`/api/v1/case-types?solutionId=${s1}&limit=2&cursor=${bySolution.body.page.nextCursor}`)
      .set(headers);
    expect(codes(next)).toEqual(['D']);
    expect(next.body.page.nextCursor).toBeNull();
    const all = await t.http.get('/api/v1/case-types').set(headers);
    expect(codes(all)).toEqual(['A', 'B', 'C', 'D']);
    expect(all.body.data[2]).toMatchObject({ processId: p3, solutionName: 'Solution' });
    const q = await t.http.get('/api/v1/case-types?q=d').set(headers);
    expect(codes(q)).toEqual(['D']);
  });

  it('soft-deletes a case type with CASE0304 and frees its code', async () => {
    const id = await createCaseType(t, admin, { code: 'GONE' });
    const res = await t.http.delete(`/api/v1/case-types/${id}`).set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'CASE0304',
      message: 'Case Type deleted successfully.',
      data: { id },
    });
    expect((await t.http.get(`/api/v1/case-types/${id}`).set(admin)).body.code).toBe('CASE4043');
    expect((await patch(id, { name: 'x' })).status).toBe(404);
    await createCaseType(t, admin, { code: 'gone' });
  });

  it('answers 409 CASE4094 for a duplicate code in the tenant', async () => {
    await createCaseType(t, admin, { code: 'TWICE' });
    const dup = await create({
      processId: await createProcess(t, admin),
      name: 'x',
      code: 'twice',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CASE4094');
    const other = await createCaseType(t, admin);
    expect((await patch(other, { code: 'TWICE' })).body.code).toBe('CASE4094');
  });

  it("never shows or changes another tenant's case type", async () => {
    const id = await createCaseType(t, admin);
    const intruder = bearer({ tenant: newTenant() });
    expect((await t.http.get(`/api/v1/case-types/${id}`).set(intruder)).status).toBe(404);
    expect((await patch(id, { name: 'x' }, intruder)).status).toBe(404);
    expect((await t.http.delete(`/api/v1/case-types/${id}`).set(intruder)).status).toBe(404);
    expect((await t.http.get('/api/v1/case-types').set(intruder)).body.data).toEqual([]);
    expect((await t.http.get(`/api/v1/case-types/${id}`).set(admin)).status).toBe(200);
  });

  it('enforces the permission matrix on every route', async () => {
    const processId = await createProcess(t, admin);
    const id = await createCaseType(t, admin, { processId });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/case-types',
      body: { processId, name: 'M', code: `M${Date.now()}` },
      permissions: [Permission.CASE_DEF_CREATE],
    });
    for (const path of ['/api/v1/case-types', `/api/v1/case-types/${id}`]) {
      await expectPermissionMatrix(t, tenant, {
        method: 'get',
        path,
        permissions: [Permission.CASE_DEF_VIEW],
      });
    }
    await expectPermissionMatrix(t, tenant, {
      method: 'patch',
      path: `/api/v1/case-types/${id}`,
      body: { autoCloseHours: 1 },
      permissions: [Permission.CASE_DEF_EDIT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/case-types/${id}`,
      permissions: [Permission.CASE_DEF_DELETE],
    });
  });
});
