import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import {
  createCaseType,
  createProcess,
  createSolution,
} from '../support/builders/definitions-http.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Definitions: processes (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object, headers = admin) =>
    t.http.post('/api/v1/processes').set(headers).send(body);

  it('creates, reads, updates and deletes a process with the seed codes', async () => {
    const solutionId = await createSolution(t, admin, { name: 'HR' });
    const created = await create({ solutionId, name: 'Onboarding', code: 'ONB' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: 'CASE0200',
      message: 'Case Process saved successfully.',
      data: {
        id: expect.any(String),
        solutionId,
        solutionName: 'HR',
        name: 'Onboarding',
        code: 'ONB',
        description: null,
        active: true,
        createdBy: 'alice',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    const id = created.body.data.id as string;
    const got = await t.http.get(`/api/v1/processes/${id}`).set(admin).expect(200);
    expect(got.body).toEqual({ data: created.body.data });

    const updated = await t.http
      .patch(`/api/v1/processes/${id}`)
      .set(admin)
      .send({ name: 'Onboarding v2', code: 'ONB2' });
    expect(updated.body).toMatchObject({
      code: 'CASE0202',
      message: 'Case Process updated successfully.',
      data: { id, name: 'Onboarding v2', code: 'ONB2', solutionId },
    });

    const deleted = await t.http.delete(`/api/v1/processes/${id}`).set(admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      code: 'CASE0204',
      message: 'Case Process deleted successfully.',
      data: { id },
    });
    expect((await t.http.get(`/api/v1/processes/${id}`).set(admin)).body.code).toBe('CASE4042');
    expect((await t.http.get(`/api/v1/solutions/${solutionId}`).set(admin)).status).toBe(200);
  });

  it('does not move a process to another solution', async () => {
    const id = await createProcess(t, admin);
    const res = await t.http
      .patch(`/api/v1/processes/${id}`)
      .set(admin)
      .send({ solutionId: await createSolution(t, admin) });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'solutionId', message: 'property solutionId should not exist' },
    ]);
  });

  it('deleting a process soft-deletes its case types only', async () => {
    const solutionId = await createSolution(t, admin);
    const processId = await createProcess(t, admin, { solutionId });
    const sibling = await createProcess(t, admin, { solutionId });
    const doomed = await createCaseType(t, admin, { processId });
    const kept = await createCaseType(t, admin, { processId: sibling });

    await t.http.delete(`/api/v1/processes/${processId}`).set(admin).expect(200);

    expect((await t.http.get(`/api/v1/case-types/${doomed}`).set(admin)).status).toBe(404);
    expect((await t.http.get(`/api/v1/case-types/${kept}`).set(admin)).status).toBe(200);
    expect((await t.http.get(`/api/v1/processes/${sibling}`).set(admin)).status).toBe(200);
    const [row] = await t.dataSource.query(`SELECT deleted_at FROM case_types WHERE id = $1`, [
      doomed,
    ]);
    expect(row.deleted_at).not.toBeNull();
  });

  it('needs a solution of the tenant that is not deleted (inactive is fine)', async () => {
    const missing = await create({ solutionId: randomUUID(), name: 'X', code: 'X1' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CASE4041');

    const foreign = await createSolution(t, bearer({ tenant: newTenant() }));
    const other = await create({ solutionId: foreign, name: 'X', code: 'X2' });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('CASE4041');

    const deletedId = await createSolution(t, admin);
    await t.http.delete(`/api/v1/solutions/${deletedId}`).set(admin).expect(200);
    const deleted = await create({ solutionId: deletedId, name: 'X', code: 'X3' });
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('CASE4097');

    const inactiveId = await createSolution(t, admin, { active: false });
    await create({ solutionId: inactiveId, name: 'X', code: 'X4' }).expect(201);
  });

  it('lists by solution with keyset pagination, active and q filters', async () => {
    const headers = bearer({ tenant: newTenant() });
    const s1 = await createSolution(t, headers, { name: 'First' });
    const s2 = await createSolution(t, headers, { name: 'Second' });
    for (const [solutionId, code, active] of [
      [s1, 'P-ONE', true],
      [s2, 'P-TWO', true],
      [s1, 'P-THREE', false],
      [s1, 'Q-FOUR', true],
    ] as const) {
      await create({ solutionId, name: `Name ${code}`, code, active }, headers).expect(201);
      t.clock.advanceMinutes(1);
    }
    const codes = (res: { body: { data: { code: string }[] } }) => res.body.data.map((p) => p.code);

    const page1 = await t.http
      .get(`/api/v1/processes?solutionId=${s1}&limit=2`)
      .set(headers)
      .expect(200);
    expect(codes(page1)).toEqual(['P-ONE', 'P-THREE']);
    expect(page1.body.data[0].solutionName).toBe('First');
    const page2 = await t.http
      .get(`/api/v1/processes?solutionId=${s1}&limit=2&cursor=${page1.body.page.nextCursor}`)
      .set(headers)
      .expect(200);
    expect(codes(page2)).toEqual(['Q-FOUR']);
    expect(page2.body.page.nextCursor).toBeNull();

    const all = await t.http.get('/api/v1/processes').set(headers).expect(200);
    expect(codes(all)).toEqual(['P-ONE', 'P-TWO', 'P-THREE', 'Q-FOUR']);
    const active = await t.http.get('/api/v1/processes?active=true&q=p-t').set(headers);
    expect(codes(active)).toEqual(['P-TWO']);
    const bad = await t.http.get('/api/v1/processes?solutionId=nope').set(headers);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('solutionId');
  });

  it('answers 409 CASE4094 for a duplicate code in the tenant, across solutions', async () => {
    await createProcess(t, admin, { code: 'SAME' });
    const dup = await create({
      solutionId: await createSolution(t, admin),
      name: 'Y',
      code: 'same',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CASE4094');
  });

  it('rejects invalid input with 400 and a detail per field', async () => {
    const res = await create({ name: 5, code: '', solutionId: 'x', description: 7 });
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'code', 'solutionId', 'description']));
  });

  it("never shows or changes another tenant's process", async () => {
    const id = await createProcess(t, admin);
    const intruder = bearer({ tenant: newTenant() });
    expect((await t.http.get(`/api/v1/processes/${id}`).set(intruder)).status).toBe(404);
    const patch = await t.http.patch(`/api/v1/processes/${id}`).set(intruder).send({ name: 'x' });
    expect(patch.status).toBe(404);
    expect((await t.http.delete(`/api/v1/processes/${id}`).set(intruder)).status).toBe(404);
    expect((await t.http.get('/api/v1/processes').set(intruder)).body.data).toEqual([]);
    expect((await t.http.get(`/api/v1/processes/${id}`).set(admin)).status).toBe(200);
  });

  it('enforces the permission matrix on every route', async () => {
    const solutionId = await createSolution(t, admin);
    const id = await createProcess(t, admin, { solutionId });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/processes',
      body: { solutionId, name: 'M', code: `M${Date.now()}` },
      permissions: [Permission.CASE_DEF_CREATE],
    });
    for (const path of ['/api/v1/processes', `/api/v1/processes/${id}`]) {
      await expectPermissionMatrix(t, tenant, {
        method: 'get',
        path,
        permissions: [Permission.CASE_DEF_VIEW],
      });
    }
    await expectPermissionMatrix(t, tenant, {
      method: 'patch',
      path: `/api/v1/processes/${id}`,
      body: { name: 'renamed' },
      permissions: [Permission.CASE_DEF_EDIT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/processes/${id}`,
      permissions: [Permission.CASE_DEF_DELETE],
    });
  });
});
