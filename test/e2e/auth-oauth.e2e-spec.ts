import * as jwt from 'jsonwebtoken';
import { Permission } from '../../src/shared/auth/permission.enum';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

interface CreatedClient {
  clientId: string;
  clientSecret: string;
  permissions: string[];
}

describe('Auth: OAuth clients and the client-credentials token (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const createClient = async (
    permissions: string[],
    headers = admin,
    name = 'scheduler',
  ): Promise<CreatedClient> => {
    const res = await t.http
      .post('/api/v1/oauth/clients')
      .set(headers)
      .send({ name, permissions })
      .expect(201);
    return res.body.data;
  };
  const tokenJson = (body: Record<string, string>) => t.http.post('/api/v1/oauth/token').send(body);
  const tokenForm = (body: Record<string, string>) =>
    t.http.post('/api/v1/oauth/token').type('form').send(body);
  const credentials = (c: CreatedClient) => ({
    grant_type: 'client_credentials',
    client_id: c.clientId,
    client_secret: c.clientSecret,
  });
  const withToken = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('creates a client: 201 with its id, its secret (shown once) and its permissions', async () => {
    const res = await t.http
      .post('/api/v1/oauth/clients')
      .set(admin)
      .send({ name: 'Nightly scheduler', permissions: ['CASE_CHECK_SLA', 'CASE_CHECK_SLA'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      code: 'CASE1010',
      message: 'OAuth client created successfully.',
      data: {
        clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        clientSecret: expect.any(String),
        name: 'Nightly scheduler',
        permissions: ['CASE_CHECK_SLA'],
        createdBy: 'alice',
        createdAt: expect.any(String),
      },
    });
    expect(res.body.data.clientSecret.length).toBeGreaterThanOrEqual(40);
  });

  it('stores only a scrypt hash of the secret', async () => {
    const created = await createClient([Permission.CASE_VIEW]);
    const [row] = await t.dataSource.query(
      `SELECT to_jsonb(c) AS row, secret_hash FROM oauth_clients c WHERE id = $1`,
      [created.clientId],
    );
    expect(JSON.stringify(row.row)).not.toContain(created.clientSecret);
    expect(row.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    const other = await createClient([Permission.CASE_VIEW]);
    expect(other.clientSecret).not.toBe(created.clientSecret);
  });

  it('lists the tenant’s clients without secrets, keyset-paginated', async () => {
    const own = newTenant();
    const headers = bearer({ tenant: own });
    const made: CreatedClient[] = [];
    for (const name of ['one', 'two', 'three']) {
      made.push(await createClient([Permission.CASE_VIEW], headers, name));
      t.clock.advanceMinutes(1);
    }
    const first = await t.http.get('/api/v1/oauth/clients?limit=2').set(headers).expect(200);
    expect(first.body.data.map((c: { name: string }) => c.name)).toEqual(['one', 'two']);
    expect(first.body.page).toEqual({ limit: 2, nextCursor: expect.any(String) });
    const second = await t.http
      .get(`/api/v1/oauth/clients?limit=2&cursor=${first.body.page.nextCursor}`)
      .set(headers)
      .expect(200);
    expect(second.body).toEqual({
      data: [
        {
          clientId: made[2].clientId,
          name: 'three',
          permissions: ['CASE_VIEW'],
          createdBy: 'alice',
          createdAt: expect.any(String),
        },
      ],
      page: { limit: 2, nextCursor: null },
    });
    const everything = JSON.stringify([first.body, second.body]);
    for (const c of made) expect(everything).not.toContain(c.clientSecret);
    expect(everything).not.toMatch(/secret/i);

    const stranger = await t.http.get('/api/v1/oauth/clients').set(bearer({ tenant: newTenant() }));
    expect(stranger.body.data).toEqual([]);
    const tampered = await t.http.get('/api/v1/oauth/clients?cursor=WyJ4Il0').set(headers);
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe('CASE4002');
  });

  it.each([
    ['a form-encoded body', tokenForm],
    ['a JSON body', tokenJson],
  ])('issues a token for %s: 200 Bearer with the client’s permissions', async (_label, send) => {
    const client = await createClient([Permission.CASE_PRIORITY_VIEW]);
    const res = await send(credentials(client));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(jwt.decode(res.body.access_token)).toMatchObject({
      sub: client.clientId,
      client_id: tenant,
      permissions: ['CASE_PRIORITY_VIEW'],
      kind: 'client',
    });
    const token = withToken(res.body.access_token);
    expect((await t.http.get('/api/v1/priorities').set(token)).status).toBe(200);
    const denied = await t.http
      .post('/api/v1/priorities')
      .set(token)
      .send({ name: 'n', code: 'N', level: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('CASE4030');
    expect((await t.http.get('/api/v1/oauth/clients').set(token)).status).toBe(403);
  });

  it('a client token works in its own tenant only', async () => {
    const own = newTenant();
    await t.http
      .post('/api/v1/priorities')
      .set(bearer({ tenant: own }))
      .send({ name: 'Mine', code: 'MINE', level: 1 })
      .expect(201);
    const client = await createClient([Permission.CASE_PRIORITY_VIEW], bearer({ tenant: own }));
    const issued = await tokenJson(credentials(client)).expect(200);
    const list = await t.http.get('/api/v1/priorities').set(withToken(issued.body.access_token));
    expect(list.body.data.map((p: { code: string }) => p.code)).toEqual(['MINE']);
  });

  it('validates a new client: a name and at least one known permission', async () => {
    const res = await t.http
      .post('/api/v1/oauth/clients')
      .set(admin)
      .send({ name: '', permissions: [] });
    expect(res.status).toBe(400);
    const fields = new Set((res.body.details as { field: string }[]).map((d) => d.field));
    expect([...fields].sort()).toEqual(['name', 'permissions']);
    const unknown = await t.http
      .post('/api/v1/oauth/clients')
      .set(admin)
      .send({ name: 'x', permissions: ['ROOT'] });
    expect(unknown.status).toBe(400);
  });

  it('revoking a client: 200, its tokens stop working, it can get no new one', async () => {
    const client = await createClient([Permission.CASE_PRIORITY_VIEW]);
    const issued = await tokenJson(credentials(client)).expect(200);
    const token = withToken(issued.body.access_token);
    await t.http.get('/api/v1/priorities').set(token).expect(200);

    const revoked = await t.http.delete(`/api/v1/oauth/clients/${client.clientId}`).set(admin);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({
      code: 'CASE1011',
      message: 'OAuth client revoked successfully.',
      data: { clientId: client.clientId, revoked: true },
    });

    const after = await t.http.get('/api/v1/priorities').set(token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('CASE4011');
    const again = await tokenJson(credentials(client));
    expect({ status: again.status, error: again.body.error }).toEqual({
      status: 401,
      error: 'invalid_client',
    });
    const listed = await t.http.get('/api/v1/oauth/clients?limit=200').set(admin);
    expect(listed.body.data.map((c: { clientId: string }) => c.clientId)).not.toContain(
      client.clientId,
    );
    const twice = await t.http.delete(`/api/v1/oauth/clients/${client.clientId}`).set(admin);
    expect(twice.status).toBe(404);
  });

  it("never revokes another tenant's client: 404 CASE4047, and it keeps working", async () => {
    const client = await createClient([Permission.CASE_PRIORITY_VIEW]);
    const intruder = bearer({ tenant: newTenant() });
    const res = await t.http.delete(`/api/v1/oauth/clients/${client.clientId}`).set(intruder);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CASE4047');
    await tokenJson(credentials(client)).expect(200);
    const malformed = await t.http.delete('/api/v1/oauth/clients/not-a-uuid').set(admin);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('CASE4003');
  });

  it('enforces CASE_ALL on every client-management route', async () => {
    const client = await createClient([Permission.CASE_VIEW]);
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/oauth/clients',
      body: { name: 'matrix', permissions: ['CASE_VIEW'] },
      permissions: [Permission.CASE_ALL],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: '/api/v1/oauth/clients',
      permissions: [Permission.CASE_ALL],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/oauth/clients/${client.clientId}`,
      permissions: [Permission.CASE_ALL],
    });
    const publicRoute = await tokenJson(credentials(await createClient([Permission.CASE_VIEW])));
    expect(publicRoute.status).toBe(200);
  });
});
