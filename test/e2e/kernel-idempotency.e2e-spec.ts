import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Kernel: Idempotency-Key on POST (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(TEST_START));

  const createPriority = (
    headers: Record<string, string>,
    key: string | undefined,
    body: object,
  ) => {
    const req = t.http.post('/api/v1/priorities').set(headers);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const priorities = async (tenant: string): Promise<{ id: string; code: string }[]> =>
    t.dataSource.query(`SELECT id, code FROM priorities WHERE client_id = $1 ORDER BY code`, [
      tenant,
    ]);
  const keys = async (tenant: string): Promise<Record<string, unknown>[]> =>
    t.dataSource.query(
      `SELECT user_id, key, method, path, status_code FROM idempotency_keys WHERE client_id = $1`,
      [tenant],
    );

  it('a repeated POST answers the first response byte for byte and creates one row', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const body = { name: 'High', code: 'HIGH', level: 1 };
    const first = await createPriority(admin, 'create-high-1', body);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    t.clock.advanceMinutes(60);
    const again = await createPriority(admin, 'create-high-1', body);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['x-correlation-id']).not.toBe(first.headers['x-correlation-id']);

    expect(await priorities(tenant)).toEqual([{ id: first.body.data.id, code: 'HIGH' }]);
    expect(await keys(tenant)).toEqual([
      {
        user_id: 'alice',
        key: 'create-high-1',
        method: 'POST',
        path: '/api/v1/priorities',
        status_code: 201,
      },
    ]);
  });

  it('without the header, or on other methods, nothing is remembered', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const a = await createPriority(admin, undefined, { name: 'A', code: 'A', level: 1 });
    expect(a.status).toBe(201);
    const patch = await t.http
      .patch(`/api/v1/priorities/${a.body.data.id}`)
      .set(admin)
      .set('Idempotency-Key', 'patch-key')
      .send({ name: 'A2' });
    expect(patch.status).toBe(200);
    const patchAgain = await t.http
      .patch(`/api/v1/priorities/${a.body.data.id}`)
      .set(admin)
      .set('Idempotency-Key', 'patch-key')
      .send({ name: 'A3' });
    expect(patchAgain.body.data.name).toBe('A3');
    expect(await keys(tenant)).toEqual([]);
  });

  it('the same key on another path, or with another body, is 400 CASE4008', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    await createPriority(admin, 'k-1', { name: 'X', code: 'X', level: 1 }).expect(201);

    const otherPath = await t.http
      .post('/api/v1/oauth/clients')
      .set(admin)
      .set('Idempotency-Key', 'k-1')
      .send({ name: 'robot', permissions: ['CASE_VIEW'] });
    expect(otherPath.status).toBe(400);
    expect(otherPath.body).toMatchObject({ code: 'CASE4008', statusCode: 400 });
    expect(otherPath.body.message).toContain('POST /api/v1/priorities');

    const otherBody = await createPriority(admin, 'k-1', { name: 'Y', code: 'Y', level: 2 });
    expect(otherBody.status).toBe(400);
    expect(otherBody.body.code).toBe('CASE4008');

    const reordered = await createPriority(admin, 'k-1', { level: 1, code: 'X', name: 'X' });
    expect(reordered.status).toBe(201);
    expect(reordered.headers['idempotent-replayed']).toBe('true');
    expect((await priorities(tenant)).map((p) => p.code)).toEqual(['X']);
    const clients = await t.dataSource.query(`SELECT 1 FROM oauth_clients WHERE client_id = $1`, [
      tenant,
    ]);
    expect(clients).toHaveLength(0);
  });

  it('keys belong to the caller: another user or tenant may use the same key', async () => {
    const tenant = newTenant();
    await createPriority(bearer({ tenant, user: 'alice' }), 'shared', {
      name: 'A',
      code: 'A',
      level: 1,
    }).expect(201);
    const bob = await createPriority(bearer({ tenant, user: 'bob' }), 'shared', {
      name: 'B',
      code: 'B',
      level: 1,
    });
    expect(bob.status).toBe(201);
    expect(bob.headers['idempotent-replayed']).toBeUndefined();
    const otherTenant = newTenant();
    const other = await createPriority(bearer({ tenant: otherTenant }), 'shared', {
      name: 'A',
      code: 'A',
      level: 1,
    });
    expect(other.status).toBe(201);
    expect((await priorities(tenant)).map((p) => p.code)).toEqual(['A', 'B']);
    expect(await priorities(otherTenant)).toHaveLength(1);
  });

  it('a failed request forgets its key, so the client can retry with it', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const invalid = await createPriority(admin, 'retry-me', { name: 'R', code: 'R', level: -5 });
    expect(invalid.status).toBe(400);
    expect(await keys(tenant)).toEqual([]);

    await createPriority(admin, undefined, { name: 'Taken', code: 'R', level: 1 }).expect(201);
    const conflict = await createPriority(admin, 'retry-me', { name: 'R', code: 'R', level: 1 });
    expect(conflict.status).toBe(409);
    expect(await keys(tenant)).toEqual([]);

    const fixed = await createPriority(admin, 'retry-me', { name: 'R2', code: 'R2', level: 1 });
    expect(fixed.status).toBe(201);
    expect(await keys(tenant)).toHaveLength(1);
  });

  it('a key whose first request is still running is 409 CASE4095 until its lease ends', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const body = { name: 'P', code: 'P', level: 1 };
    await createPriority(admin, 'in-flight', body).expect(201);
    // As if the first request had claimed the key and then died before finishing.
    await t.dataSource.query(
      `UPDATE idempotency_keys SET status_code = NULL WHERE client_id = $1 AND key = 'in-flight'`,
      [tenant],
    );
    await t.dataSource.query(`DELETE FROM priorities WHERE client_id = $1`, [tenant]);

    const busy = await createPriority(admin, 'in-flight', body);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ statusCode: 409, code: 'CASE4095' });
    expect(await priorities(tenant)).toEqual([]);

    t.clock.advanceMinutes(4);
    expect((await createPriority(admin, 'in-flight', body)).status).toBe(409);
    t.clock.advanceMinutes(2);
    const taken = await createPriority(admin, 'in-flight', body);
    expect(taken.status).toBe(201);
    expect(taken.headers['idempotent-replayed']).toBeUndefined();
    expect(await priorities(tenant)).toHaveLength(1);
  });

  it('concurrent requests with one key run the action once', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const body = { name: 'C', code: 'C', level: 1 };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => createPriority(admin, 'race', body)),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of results) {
      expect([201, 409]).toContain(r.status);
      if (r.status === 409) expect(r.body.code).toBe('CASE4095');
      if (r.status === 201) expect(r.body).toEqual(created[0].body);
    }
    expect(await priorities(tenant)).toHaveLength(1);
  });

  it('a key older than 24 h is forgotten: the request runs again', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const first = await createPriority(admin, 'daily', { name: 'D1', code: 'D1', level: 1 });
    expect(first.status).toBe(201);
    await createPriority(admin, 'other-old-key', { name: 'O', code: 'O', level: 1 }).expect(201);

    t.clock.advanceMinutes(23 * 60);
    const within = await createPriority(admin, 'daily', { name: 'D1', code: 'D1', level: 1 });
    expect(within.headers['idempotent-replayed']).toBe('true');

    t.clock.advanceMinutes(2 * 60);
    const after = await createPriority(admin, 'daily', { name: 'D2', code: 'D2', level: 1 });
    expect(after.status).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.body.data.id).not.toBe(first.body.data.id);
    expect(await keys(tenant)).toEqual([expect.objectContaining({ key: 'daily' })]);
  });

  it.each([
    ['empty', ''],
    ['201 characters', 'k'.repeat(201)],
    ['non-ASCII', 'cl\u00e9'],
    ['a tab', 'a\tb'],
  ])('a key that is %s is 400 CASE4007 and runs nothing', async (_label, key) => {
    const tenant = newTenant();
    const res = await createPriority(bearer({ tenant }), key, { name: 'K', code: 'K', level: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4007');
    expect(await priorities(tenant)).toEqual([]);
  });

  it('accepts 200 printable characters, spaces included', async () => {
    const tenant = newTenant();
    const key = `${'k'.repeat(190)} ~!@#$%^&*`;
    const res = await createPriority(bearer({ tenant }), key, { name: 'K', code: 'K', level: 1 });
    expect(res.status).toBe(201);
    expect(await keys(tenant)).toEqual([expect.objectContaining({ key })]);
  });

  it('is checked after authentication: no token is still 401, no permission 403', async () => {
    const tenant = newTenant();
    const res = await t.http
      .post('/api/v1/priorities')
      .set('Idempotency-Key', 'x')
      .send({ name: 'K', code: 'K', level: 1 });
    expect(res.status).toBe(401);
    const forbidden = await createPriority(bearer({ tenant, permissions: ['CASE_VIEW'] }), 'x', {
      name: 'K',
      code: 'K',
      level: 1,
    });
    expect(forbidden.status).toBe(403);
    expect(await keys(tenant)).toEqual([]);
  });
});
