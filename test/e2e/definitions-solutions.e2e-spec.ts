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

describe('Definitions: solutions (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object, headers = admin) =>
    t.http.post('/api/v1/solutions').set(headers).send(body);

  it('creates, reads, updates and deletes a solution with the seed codes', async () => {
    const created = await create({ name: 'IT Desk', code: 'ITD', description: 'Desk' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: 'CASE0100',
      message: 'Case Solution saved successfully.',
      data: {
        id: expect.any(String),
        name: 'IT Desk',
        code: 'ITD',
        description: 'Desk',
        active: true,
        createdBy: 'alice',
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
      },
    });
    const id = created.body.data.id as string;

    const got = await t.http.get(`/api/v1/solutions/${id}`).set(admin).expect(200);
    expect(got.body).toEqual({ data: created.body.data });

    t.clock.advanceMinutes(5);
    const updated = await t.http
      .patch(`/api/v1/solutions/${id}`)
      .set(admin)
      .send({ name: 'IT Service Desk', active: false, description: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      code: 'CASE0102',
      message: 'Case Solution updated successfully.',
      data: {
        id,
        name: 'IT Service Desk',
        code: 'ITD',
        active: false,
        description: null,
        updatedAt: '2026-01-05T09:05:00.000Z',
      },
    });

    const deleted = await t.http.delete(`/api/v1/solutions/${id}`).set(admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      code: 'CASE0104',
      message: 'Case Solution deleted successfully.',
      data: { id },
    });
    expect((await t.http.get(`/api/v1/solutions/${id}`).set(admin)).body.code).toBe('CASE4041');
    expect((await t.http.delete(`/api/v1/solutions/${id}`).set(admin)).status).toBe(404);
    expect((await create({ name: 'Reuse', code: 'itd' })).status).toBe(201);
  });

  it('deleting a solution soft-deletes its processes and their case types', async () => {
    const solutionId = await createSolution(t, admin);
    const processId = await createProcess(t, admin, { solutionId });
    const caseTypeId = await createCaseType(t, admin, { processId });
    const otherCaseType = await createCaseType(t, admin);

    await t.http.delete(`/api/v1/solutions/${solutionId}`).set(admin).expect(200);

    expect((await t.http.get(`/api/v1/processes/${processId}`).set(admin)).status).toBe(404);
    expect((await t.http.get(`/api/v1/case-types/${caseTypeId}`).set(admin)).status).toBe(404);
    expect((await t.http.get(`/api/v1/case-types/${otherCaseType}`).set(admin)).status).toBe(200);
    const rows = await t.dataSource.query(
      `SELECT (SELECT deleted_at FROM processes WHERE id = $1) AS process,
              (SELECT deleted_at FROM case_types WHERE id = $2) AS case_type,
              (SELECT deleted_at FROM solutions WHERE id = $3) AS solution`,
      [processId, caseTypeId, solutionId],
    );
    expect(rows[0].process).toEqual(rows[0].solution);
    expect(rows[0].case_type).toEqual(rows[0].solution);
    expect(rows[0].solution).not.toBeNull();
  });

  it('lists with keyset pagination, an active filter and a case-insensitive search', async () => {
    const headers = bearer({ tenant: newTenant() });
    const specs: [string, string, boolean][] = [
      ['Alpha desk', 'A1', true],
      ['Beta', 'DESK-B', false],
      ['Gamma', 'G1', true],
      ['100% Delta_x', 'D1', true],
      ['Epsilon', 'E1', true],
    ];
    for (const [name, code, active] of specs) {
      await create({ name, code, active }, headers).expect(201);
      t.clock.advanceMinutes(1);
    }
    const codes = (res: { body: { data: { code: string }[] } }) => res.body.data.map((s) => s.code);

    const first = await t.http.get('/api/v1/solutions?limit=2').set(headers).expect(200);
    expect(codes(first)).toEqual(['A1', 'DESK-B']);
    expect(first.body.page).toEqual({ limit: 2, nextCursor: expect.any(String) });
    const second = await t.http
      .get(`/api/v1/solutions?limit=2&cursor=${first.body.page.nextCursor}`)
      .set(headers)
      .expect(200);
    expect(codes(second)).toEqual(['G1', 'D1']);
    const third = await t.http
      .get(`/api/v1/solutions?limit=2&cursor=${second.body.page.nextCursor}`)
      .set(headers)
      .expect(200);
    expect(codes(third)).toEqual(['E1']);
    expect(third.body.page.nextCursor).toBeNull();

    const inactive = await t.http.get('/api/v1/solutions?active=false').set(headers).expect(200);
    expect(codes(inactive)).toEqual(['DESK-B']);
    const search = await t.http.get('/api/v1/solutions?q=DeSk').set(headers).expect(200);
    expect(codes(search)).toEqual(['A1', 'DESK-B']);
    const literal = await t.http.get('/api/v1/solutions?q=0%25%20d').set(headers).expect(200);
    expect(codes(literal)).toEqual(['D1']);
    const wildcard = await t.http.get('/api/v1/solutions?q=a_d').set(headers).expect(200);
    expect(codes(wildcard)).toEqual([]);
    const underscore = await t.http.get('/api/v1/solutions?q=_').set(headers).expect(200);
    expect(codes(underscore)).toEqual(['D1']);
  });

  it('answers 409 CASE4094 for a duplicate code in the tenant, also on update', async () => {
    await create({ name: 'One', code: 'DUP' }).expect(201);
    const dup = await create({ name: 'Two', code: 'dup' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ statusCode: 409, code: 'CASE4094' });
    const other = await create({ name: 'Two', code: 'OTHER' }).expect(201);
    const clash = await t.http
      .patch(`/api/v1/solutions/${other.body.data.id}`)
      .set(admin)
      .send({ code: 'Dup' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('CASE4094');
    await create({ name: 'Elsewhere', code: 'DUP' }, bearer({ tenant: newTenant() })).expect(201);
  });

  it('is race-safe on codes through the unique index', async () => {
    const headers = bearer({ tenant: newTenant() });
    const results = await Promise.all(
      [1, 2, 3].map((i) => create({ name: `Racer ${i}`, code: 'RACE' }, headers)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual([
      'CASE4094',
      'CASE4094',
    ]);
  });

  it('rejects invalid input with 400 and a detail per field', async () => {
    const res = await create({ name: '', code: 'has space', active: 'yes', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4000');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'code', 'active', 'extra']));
    const id = (await create({ name: 'Valid', code: 'VALID1' }).expect(201)).body.data.id;
    const nulls = await t.http
      .patch(`/api/v1/solutions/${id}`)
      .set(admin)
      .send({ name: null, code: null, active: null });
    expect(nulls.status).toBe(400);
    expect((nulls.body.details as { field: string }[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['name', 'code', 'active']),
    );
    expect((await t.http.get('/api/v1/solutions/nope').set(admin)).body.code).toBe('CASE4003');
    expect((await t.http.get('/api/v1/solutions?cursor=junk').set(admin)).body.code).toBe(
      'CASE4002',
    );
    expect((await t.http.get('/api/v1/solutions?active=maybe').set(admin)).status).toBe(400);
  });

  it("never shows or changes another tenant's solution", async () => {
    const id = await createSolution(t, admin, { name: 'Mine' });
    const intruder = bearer({ tenant: newTenant() });
    expect((await t.http.get(`/api/v1/solutions/${id}`).set(intruder)).status).toBe(404);
    const patch = await t.http.patch(`/api/v1/solutions/${id}`).set(intruder).send({ name: 'x' });
    expect(patch.status).toBe(404);
    expect((await t.http.delete(`/api/v1/solutions/${id}`).set(intruder)).status).toBe(404);
    expect((await t.http.get('/api/v1/solutions').set(intruder).expect(200)).body.data).toEqual([]);
    const mine = await t.http.get(`/api/v1/solutions/${id}`).set(admin).expect(200);
    expect(mine.body.data.name).toBe('Mine');
  });

  it('enforces the permission matrix on every route', async () => {
    const id = await createSolution(t, admin);
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/solutions',
      body: { name: 'M', code: `M${Date.now()}` },
      permissions: [Permission.CASE_DEF_CREATE],
    });
    for (const path of ['/api/v1/solutions', `/api/v1/solutions/${id}`]) {
      await expectPermissionMatrix(t, tenant, {
        method: 'get',
        path,
        permissions: [Permission.CASE_DEF_VIEW],
      });
    }
    await expectPermissionMatrix(t, tenant, {
      method: 'patch',
      path: `/api/v1/solutions/${id}`,
      body: { name: 'renamed' },
      permissions: [Permission.CASE_DEF_EDIT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/solutions/${id}`,
      permissions: [Permission.CASE_DEF_DELETE],
    });
  });
});
