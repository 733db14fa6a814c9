import { AddressInfo } from 'node:net';
import { ClientCredentials } from 'simple-oauth2';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

interface CreatedClient {
  clientId: string;
  clientSecret: string;
}

type Answer = { status: number; body: Record<string, unknown>; headers: Record<string, string> };

/** RFC 6749 §5.2 error body (plus the service's envelope), never cached, Basic challenge on 401. */
function expectOAuthError(res: Answer, status: number, error: string, code: string): void {
  expect({ status: res.status, error: res.body.error, code: res.body.code }).toEqual({
    status,
    error,
    code,
  });
  expect(res.body).toEqual({
    error,
    error_description: res.body.message,
    statusCode: status,
    code,
    message: expect.any(String),
    ...(res.body.details ? { details: expect.any(Array) } : {}),
    correlationId: expect.any(String),
  });
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers.pragma).toBe('no-cache');
  if (status === 401) expect(res.headers['www-authenticate']).toMatch(/^Basic realm="[^"]+"/);
  else expect(res.headers['www-authenticate']).toBeUndefined();
}

describe('Auth: the OAuth 2.0 token endpoint (RFC 6749, e2e)', () => {
  let t: TestApp;
  let tokenHost: string;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const createClient = async (permissions: string[]): Promise<CreatedClient> =>
    (
      await t.http
        .post('/api/v1/oauth/clients')
        .set(admin)
        .send({ name: 'integration', permissions })
        .expect(201)
    ).body.data;
  const tokenJson = (body: Record<string, unknown>) =>
    t.http.post('/api/v1/oauth/token').send(body);
  const tokenForm = (body: Record<string, string>) =>
    t.http.post('/api/v1/oauth/token').type('form').send(body);
  const credentials = (c: CreatedClient) => ({
    grant_type: 'client_credentials',
    client_id: c.clientId,
    client_secret: c.clientSecret,
  });
  const withToken = (token: string) => ({ Authorization: `Bearer ${token}` });
  const library = (c: CreatedClient, method: 'header' | 'body', secret = c.clientSecret) =>
    new ClientCredentials({
      client: { id: c.clientId, secret },
      auth: { tokenHost, tokenPath: '/api/v1/oauth/token' },
      options: { authorizationMethod: method },
    });

  it.each(['header', 'body'] as const)(
    'simple-oauth2 (authorizationMethod %s) obtains a token that works on a protected route',
    async (method) => {
      const client = await createClient([Permission.CASE_PRIORITY_VIEW]);
      const token = await library(client, method).getToken({});
      expect(token.token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      const accessToken = token.token.access_token as string;
      await t.http.get('/api/v1/priorities').set(withToken(accessToken)).expect(200);
      const denied = await t.http.get('/api/v1/oauth/clients').set(withToken(accessToken));
      expect(denied.status).toBe(403);
    },
  );

  it.each(['header', 'body'] as const)(
    'simple-oauth2 (authorizationMethod %s) surfaces invalid_client for a wrong secret',
    async (method) => {
      const client = await createClient([Permission.CASE_PRIORITY_VIEW]);
      const failure = await library(client, method, 'wrong-secret')
        .getToken({})
        .then(
          () => undefined,
          (error: unknown) =>
            error as { output: { statusCode: number }; data: { payload: unknown } },
        );
      expect(failure?.output.statusCode).toBe(401);
      expect(failure?.data.payload).toMatchObject({ error: 'invalid_client', code: 'CASE4012' });
    },
  );

  it('refuses wrong credentials with 401 invalid_client (CASE4012) and a Basic challenge', async () => {
    const client = await createClient([Permission.CASE_VIEW]);
    const bodies: Record<string, string>[] = [
      { ...credentials(client), client_secret: `${client.clientSecret}x` },
      { ...credentials(client), client_secret: 'short' },
      { ...credentials(client), client_id: '00000000-0000-4000-8000-000000000000' },
      { ...credentials(client), client_id: 'not-a-uuid' },
      { grant_type: 'client_credentials' },
      { grant_type: 'client_credentials', client_id: client.clientId },
      { grant_type: 'client_credentials', client_id: client.clientId, client_secret: '' },
    ];
    for (const body of bodies) {
      expectOAuthError(await tokenForm(body), 401, 'invalid_client', 'CASE4012');
    }
    const basic = (user: string, password: string) =>
      t.http
        .post('/api/v1/oauth/token')
        .type('form')
        .auth(user, password)
        .send({ grant_type: 'client_credentials' });
    expectOAuthError(await basic(client.clientId, 'wrong'), 401, 'invalid_client', 'CASE4012');
    const bearerAuth = await t.http
      .post('/api/v1/oauth/token')
      .set('Authorization', `Bearer ${client.clientSecret}`)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expectOAuthError(bearerAuth, 401, 'invalid_client', 'CASE4012');
    for (const header of [
      'Basic',
      'Basic !!!',
      `Basic ${Buffer.from('no-colon').toString('base64')}`,
    ]) {
      const res = await t.http
        .post('/api/v1/oauth/token')
        .set('Authorization', header)
        .type('form')
        .send({ grant_type: 'client_credentials' });
      expectOAuthError(res, 401, 'invalid_client', 'CASE4012');
    }
  });

  it('issues a token with HTTP Basic (client_secret_basic), never cached', async () => {
    const client = await createClient([Permission.CASE_PRIORITY_VIEW]);
    const res = await t.http
      .post('/api/v1/oauth/token')
      .type('form')
      .auth(encodeURIComponent(client.clientId), encodeURIComponent(client.clientSecret))
      .send({ grant_type: 'client_credentials', scope: 'anything', unknown_parameter: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.pragma).toBe('no-cache');
    await t.http.get('/api/v1/priorities').set(withToken(res.body.access_token)).expect(200);
    const sameId = await t.http
      .post('/api/v1/oauth/token')
      .type('form')
      .auth(client.clientId, client.clientSecret)
      .send({ grant_type: 'client_credentials', client_id: client.clientId });
    expect(sameId.status).toBe(200);
  });

  it('answers request errors with 400 in RFC 6749 form', async () => {
    const client = await createClient([Permission.CASE_VIEW]);
    const password = await tokenForm({ ...credentials(client), grant_type: 'password' });
    expectOAuthError(password, 400, 'unsupported_grant_type', 'CASE4006');
    const missing = await tokenForm({ client_id: client.clientId });
    expectOAuthError(missing, 400, 'invalid_request', 'CASE4000');
    expect(missing.body.details).toEqual([{ field: 'grant_type', message: expect.any(String) }]);
    const wrongType = await tokenJson({ ...credentials(client), client_id: 42 } as never);
    expectOAuthError(wrongType, 400, 'invalid_request', 'CASE4000');
    const tooLong = await tokenForm({ ...credentials(client), client_secret: 'y'.repeat(201) });
    expectOAuthError(tooLong, 400, 'invalid_request', 'CASE4000');
    const repeated = await t.http
      .post('/api/v1/oauth/token')
      .type('form')
      .send(`grant_type=client_credentials&client_id=a&client_id=b&client_secret=x`);
    expectOAuthError(repeated, 400, 'invalid_request', 'CASE4000');
    const twoMethods = await t.http
      .post('/api/v1/oauth/token')
      .type('form')
      .auth(client.clientId, client.clientSecret)
      .send(credentials(client));
    expectOAuthError(twoMethods, 400, 'invalid_request', 'CASE4004');
    const otherId = await t.http
      .post('/api/v1/oauth/token')
      .type('form')
      .auth(client.clientId, client.clientSecret)
      .send({ grant_type: 'client_credentials', client_id: 'someone-else' });
    expectOAuthError(otherId, 400, 'invalid_request', 'CASE4004');
    const malformed = await t.http
      .post('/api/v1/oauth/token')
      .set('Content-Type', 'application/json')
      .send('{"grant_type":');
    expectOAuthError(malformed, 400, 'invalid_request', 'CASE4001');
    const notObject = await t.http
      .post('/api/v1/oauth/token')
      .set('Content-Type', 'application/json')
      .send('[1]');
    expectOAuthError(notObject, 400, 'invalid_request', 'CASE4004');
  });
});

describe('Auth: token endpoint rate limit (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TOKEN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 CASE4290 once the per-minute limit is used up', async () => {
    const body = { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await t.http.post('/api/v1/oauth/token').send(body)).status);
    }
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await t.http.post('/api/v1/oauth/token').send(body);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'CASE4290',
      message: 'Too many requests.',
      correlationId: expect.any(String),
    });
    const admin = bearer({ tenant: newTenant() });
    expect((await t.http.get('/api/v1/oauth/clients').set(admin)).status).toBe(200);
  });
});
