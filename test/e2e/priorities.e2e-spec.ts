import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Priorities (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object, headers = admin) =>
    t.http.post('/api/v1/priorities').set(headers).send(body);

  describe('deleting a priority in use: 409 CASE4099', () => {
    const remove = (id: string) => t.http.delete(`/api/v1/priorities/${id}`).set(admin);
    const defs = () => new DefinitionsBuilder(t.dataSource, tenant);
    const expectInUse = async (id: string) => {
      const res = await remove(id);
      expect([res.status, res.body.code]).toEqual([409, 'CASE4099']);
      expect((await t.http.get(`/api/v1/priorities/${id}`).set(admin)).status).toBe(200);
    };

    it('refuses while a case type defaults to it, allows it once the type is deleted', async () => {
      const priority = await defs().priority();
      const type = await defs().caseType({ defaultPriorityId: priority.id });
      await expectInUse(priority.id);
      await t.http.delete(`/api/v1/case-types/${type.id}`).set(admin).expect(200);
      expect((await remove(priority.id)).body.code).toBe('CASE0404');
    });

    it("refuses while a case type's SLA names it", async () => {
      const priority = await defs().priority();
      const sla = {
        name: 'Fast',
        priorityId: priority.id,
        warnAfterMinutes: 5,
        breachAfterMinutes: 10,
      };
      await defs().caseType({ slas: [sla] });
      await expectInUse(priority.id);
    });

    it('refuses while an unfinished case carries it, allows it once the case is completed', async () => {
      const priority = await defs().priority();
      const type = await defs().caseType();
      const kase = await createCase(t, tenant, { caseTypeId: type.id, priorityId: priority.id });
      await expectInUse(priority.id);
      await moveTo(t, tenant, kase.id, CaseState.COMPLETED);
      expect((await remove(priority.id)).status).toBe(200);
    });
  });

  // Real concurrency needs PostgreSQL: PGlite serves one connection at a time.
  (process.env.TEST_DATABASE_URL ? describe : describe.skip)('races (PostgreSQL)', () => {
    const settledWithin = (promise: Promise<unknown>, ms: number) =>
      Promise.race([
        promise.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), ms)),
      ]);

    it('a case created while a delete holds the priority waits, then cannot use it', async () => {
      const priority = await new DefinitionsBuilder(t.dataSource, tenant).priority();
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const deleter = t.dataSource.createQueryRunner();
      await deleter.startTransaction();
      try {
        await deleter.query('SELECT 1 FROM priorities WHERE id = $1 FOR UPDATE', [priority.id]);
        const creating = t.http
          .post('/api/v1/cases')
          .set(admin)
          .send({ caseTypeId: type.id, details: 'x', priorityId: priority.id })
          .then((res) => res);
        expect(await settledWithin(creating, 500)).toBe(false);
        await deleter.query('UPDATE priorities SET deleted_at = now() WHERE id = $1', [
          priority.id,
        ]);
        await deleter.commitTransaction();
        const res = await creating;
        expect(res.status).toBe(400);
      } finally {
        if (deleter.isTransactionActive) await deleter.rollbackTransaction();
        await deleter.release();
      }
    });

    it('a delete while a case type takes the priority as its default waits, then is refused', async () => {
      const priority = await new DefinitionsBuilder(t.dataSource, tenant).priority();
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const editor = t.dataSource.createQueryRunner();
      await editor.startTransaction();
      try {
        await editor.query('SELECT 1 FROM priorities WHERE id = $1 FOR SHARE', [priority.id]);
        await editor.query('UPDATE case_types SET default_priority_id = $1 WHERE id = $2', [
          priority.id,
          type.id,
        ]);
        const deleting = t.http
          .delete(`/api/v1/priorities/${priority.id}`)
          .set(admin)
          .then((res) => res);
        expect(await settledWithin(deleting, 500)).toBe(false);
        await editor.commitTransaction();
        const res = await deleting;
        expect([res.status, res.body.code]).toEqual([409, 'CASE4099']);
      } finally {
        if (editor.isTransactionActive) await editor.rollbackTransaction();
        await editor.release();
      }
    });
  });

  it('creates, reads, lists, updates and soft-deletes a priority with the seed codes', async () => {
    const created = await create({ name: 'High', code: 'HIGH', level: 1, color: '#ff0000' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'CASE0400',
      message: 'Case Priority saved successfully.',
      data: { name: 'High', code: 'HIGH', level: 1, color: '#ff0000', active: true },
    });
    const id = created.body.data.id as string;

    const got = await t.http.get(`/api/v1/priorities/${id}`).set(admin);
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ id, code: 'HIGH' });

    const updated = await t.http
      .patch(`/api/v1/priorities/${id}`)
      .set(admin)
      .send({ name: 'Urgent', level: 0 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      code: 'CASE0402',
      data: { id, name: 'Urgent', level: 0, code: 'HIGH' },
    });

    const deleted = await t.http.delete(`/api/v1/priorities/${id}`).set(admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      code: 'CASE0404',
      message: 'Case Priority deleted successfully.',
    });
    expect((await t.http.get(`/api/v1/priorities/${id}`).set(admin)).status).toBe(404);
    const reused = await create({ name: 'High again', code: 'HIGH', level: 1 });
    expect(reused.status).toBe(201);
  });

  it('lists by level with keyset pagination and an active filter', async () => {
    const own = newTenant();
    const headers = bearer({ tenant: own });
    for (const [i, active] of [true, false, true, true, false].entries()) {
      await create({ name: `P${i}`, code: `P${i}`, level: 10 - i, active }, headers).expect(201);
    }
    const first = await t.http.get('/api/v1/priorities?limit=2').set(headers).expect(200);
    expect(first.body.data.map((p: { code: string }) => p.code)).toEqual(['P4', 'P3']);
    expect(first.body.page).toEqual({ limit: 2, nextCursor: expect.any(String) });
    const second = await t.http
      .get(`/api/v1/priorities?limit=2&cursor=${first.body.page.nextCursor}`)
      .set(headers)
      .expect(200);
    expect(second.body.data.map((p: { code: string }) => p.code)).toEqual(['P2', 'P1']);
    const third = await t.http
      .get(`/api/v1/priorities?limit=2&cursor=${second.body.page.nextCursor}`)
      .set(headers)
      .expect(200);
    expect(third.body.data.map((p: { code: string }) => p.code)).toEqual(['P0']);
    expect(third.body.page.nextCursor).toBeNull();
    const active = await t.http.get('/api/v1/priorities?active=false').set(headers).expect(200);
    expect(active.body.data.map((p: { code: string }) => p.code)).toEqual(['P4', 'P1']);
  });

  it('answers 409 with CASE4094 for a duplicate code in the same tenant, case-insensitively', async () => {
    await create({ name: 'Low', code: 'LOW', level: 5 }).expect(201);
    const dup = await create({ name: 'Low 2', code: 'low', level: 6 });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      statusCode: 409,
      code: 'CASE4094',
      correlationId: expect.any(String),
    });
    const otherTenant = await create(
      { name: 'Low', code: 'LOW', level: 5 },
      bearer({ tenant: newTenant() }),
    );
    expect(otherTenant.status).toBe(201);
  });

  it('rejects invalid input with 400 and a detail per field', async () => {
    const res = await create({ name: '', code: 'has space', level: -1, color: 'red', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4000');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['code', 'color', 'extra', 'level', 'name']));
    const badId = await t.http.get('/api/v1/priorities/not-a-uuid').set(admin);
    expect(badId.status).toBe(400);
    expect(badId.body.code).toBe('CASE4003');
    const badCursor = await t.http.get('/api/v1/priorities?cursor=garbage').set(admin);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('CASE4002');
    const badLimit = await t.http.get('/api/v1/priorities?limit=500').set(admin);
    expect(badLimit.status).toBe(400);
  });

  it('refuses null for required fields on update but lets the colour be cleared', async () => {
    const id = (
      await create({ name: 'Nullable', code: 'NULLABLE', level: 4, color: '#00ff00' }).expect(201)
    ).body.data.id as string;
    const nulls = await t.http
      .patch(`/api/v1/priorities/${id}`)
      .set(admin)
      .send({ name: null, level: null });
    expect(nulls.status).toBe(400);
    const fields = new Set((nulls.body.details as { field: string }[]).map((d) => d.field));
    expect([...fields].sort()).toEqual(['level', 'name']);
    const cleared = await t.http
      .patch(`/api/v1/priorities/${id}`)
      .set(admin)
      .send({ color: null })
      .expect(200);
    expect(cleared.body.data).toMatchObject({ name: 'Nullable', level: 4, color: null });
  });

  it("never shows or changes another tenant's priority", async () => {
    const created = await create({ name: 'Mine', code: 'MINE', level: 2 }).expect(201);
    const id = created.body.data.id as string;
    const intruder = bearer({ tenant: newTenant() });
    expect((await t.http.get(`/api/v1/priorities/${id}`).set(intruder)).status).toBe(404);
    expect(
      (await t.http.patch(`/api/v1/priorities/${id}`).set(intruder).send({ name: 'x' })).status,
    ).toBe(404);
    expect((await t.http.delete(`/api/v1/priorities/${id}`).set(intruder)).status).toBe(404);
    const list = await t.http.get('/api/v1/priorities').set(intruder).expect(200);
    expect(list.body.data).toEqual([]);
    expect((await t.http.get(`/api/v1/priorities/${id}`).set(admin)).body.data.name).toBe('Mine');
  });

  it('enforces the permission matrix on every route', async () => {
    const id = (await create({ name: 'M', code: 'MATRIX', level: 3 }).expect(201)).body.data
      .id as string;
    const body = { name: 'x', code: `X${Date.now()}`, level: 1 };
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/priorities',
      body,
      permissions: [Permission.CASE_PRIORITY_CREATE],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: '/api/v1/priorities',
      permissions: [Permission.CASE_PRIORITY_VIEW],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/priorities/${id}`,
      permissions: [Permission.CASE_PRIORITY_VIEW],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'patch',
      path: `/api/v1/priorities/${id}`,
      body: { name: 'y' },
      permissions: [Permission.CASE_PRIORITY_EDIT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/priorities/${id}`,
      permissions: [Permission.CASE_PRIORITY_DELETE],
    });
  });
});
