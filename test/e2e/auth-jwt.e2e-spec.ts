import * as jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant, TEST_JWT_SECRET } from '../support/test-env';
import { bearer, malformedTokens, signedRaw, tokenFor } from '../support/tokens';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function claims(tenant: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: 'alice',
    client_id: tenant,
    permissions: [Permission.CASE_ALL],
    groups: [],
    exp: now() + 600,
    ...overrides,
  };
}

function hs256(payload: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  return jwt.sign(payload, secret, { algorithm: 'HS256' });
}

const rsa = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('Auth: bearer tokens with HS256 pinned (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const list = (authorization?: string) => {
    const req = t.http.get('/api/v1/priorities');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };

  it('no token → 401 CASE4010 with the error envelope', async () => {
    const res = await list();
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'CASE4010',
      message: 'Authentication is required.',
      correlationId: expect.any(String),
    });
  });

  it('a valid token with CASE_ALL passes', async () => {
    const res = await list(`Bearer ${hs256(claims(tenant))}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], page: { limit: 50, nextCursor: null } });
  });

  it.each([
    ['a malformed token', 'Bearer not-a-jwt'],
    ['three garbage segments', 'Bearer aaa.bbb.ccc'],
    ['a token in the wrong scheme', () => `Token ${hs256(claims('x'))}`],
    [
      'a wrong signature',
      () => `Bearer ${hs256(claims('x'), 'another-secret-that-is-long-enough')}`,
    ],
    ['an expired token', () => `Bearer ${hs256(claims('x', { exp: now() - 5 }))}`],
    ['a token not valid yet', () => `Bearer ${hs256(claims('x', { nbf: now() + 600 }))}`],
    ['alg none', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims('x'))}.`],
    [
      'alg none with a signature',
      () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims('x'))}.c2ln`,
    ],
    [
      'an RS256 token',
      () => `Bearer ${jwt.sign(claims('x'), rsa.privateKey, { algorithm: 'RS256' })}`,
    ],
    [
      'a tampered payload',
      () => {
        const [header, , signature] = hs256(claims('x', { permissions: [] })).split('.');
        return `Bearer ${header}.${b64(claims('x'))}.${signature}`;
      },
    ],
  ])('%s → 401', async (_label, authorization) => {
    const value = typeof authorization === 'function' ? authorization() : authorization;
    const res = await list(value);
    expect(res.status).toBe(401);
    expect(['CASE4010', 'CASE4011']).toContain(res.body.code);
    expect(res.body.correlationId).toEqual(expect.any(String));
  });

  it.each([
    ['no client_id', { client_id: undefined }],
    ['an empty client_id', { client_id: '' }],
    ['a numeric client_id', { client_id: 42 }],
    ['no sub', { sub: undefined }],
    ['permissions as a string', { permissions: 'CASE_ALL' }],
    ['no permissions', { permissions: undefined }],
    ['permissions with a non-string', { permissions: ['CASE_ALL', 7] }],
    ['groups not an array', { groups: 'g1' }],
  ])('a signed token with %s → 401 CASE4011', async (_label, overrides) => {
    const res = await list(`Bearer ${hs256(claims(tenant, overrides))}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('CASE4011');
  });

  it.each(malformedTokens(tenant))('a token with %s → 401 CASE4011', async (_label, token) => {
    const res = await list(`Bearer ${token}`);
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 401,
      code: 'CASE4011',
    });
  });

  it('the same claims, well-formed, pass (the shapes above fail for their flaw alone)', async () => {
    const exp = now() + 600;
    const valid = { sub: 'alice', client_id: tenant, permissions: [Permission.CASE_ALL], exp };
    for (const header of [
      { alg: 'HS256', typ: 'JWT' },
      { alg: 'HS256' },
      { alg: 'HS256', typ: 'at+jwt' },
    ]) {
      expect((await list(`Bearer ${signedRaw(header, JSON.stringify(valid))}`)).status).toBe(200);
    }
    const named = { ...valid, name: 'Alice', groups: ['g1'], kind: 'user', sub: 's'.repeat(200) };
    expect(
      (await list(`Bearer ${signedRaw({ alg: 'HS256' }, JSON.stringify(named))}`)).status,
    ).toBe(200);
    const longest = { ...valid, client_id: 'c'.repeat(64) };
    expect(
      (await list(`Bearer ${signedRaw({ alg: 'HS256' }, JSON.stringify(longest))}`)).status,
    ).toBe(200);
  });

  it('a token claiming to be an OAuth client that does not exist → 401', async () => {
    const forged = hs256(
      claims(tenant, { sub: '3f2a5c1e-0000-4000-8000-000000000000', kind: 'client' }),
    );
    expect((await list(`Bearer ${forged}`)).status).toBe(401);
  });

  it('permissions are any-of: one matching permission among others passes', async () => {
    const headers = bearer({
      tenant,
      permissions: [Permission.CASE_VIEW, Permission.CASE_PRIORITY_VIEW, 'UNKNOWN_THING'],
    });
    expect((await t.http.get('/api/v1/priorities').set(headers)).status).toBe(200);
    const denied = await t.http
      .post('/api/v1/priorities')
      .set(headers)
      .send({ name: 'n', code: 'N', level: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'CASE4030', statusCode: 403 });
    expect(denied.body.message).toContain('CASE_PRIORITY_CREATE');
  });

  it('an empty permission list is authenticated but allowed nothing', async () => {
    const headers = bearer({ tenant, permissions: [] });
    expect((await t.http.get('/api/v1/priorities').set(headers)).status).toBe(403);
    expect((await t.http.get('/api/v1/oauth/clients').set(headers)).status).toBe(403);
  });

  it('the tenant comes from the token: each tenant sees only its own rows', async () => {
    const a = newTenant();
    const b = newTenant();
    await t.http
      .post('/api/v1/priorities')
      .set(bearer({ tenant: a }))
      .send({ name: 'A', code: 'A', level: 1 })
      .expect(201);
    const seenByB = await t.http.get('/api/v1/priorities').set(bearer({ tenant: b }));
    expect(seenByB.body.data).toEqual([]);
    const seenByA = await t.http.get('/api/v1/priorities').set(bearer({ tenant: a }));
    expect(seenByA.body.data.map((p: { code: string }) => p.code)).toEqual(['A']);
  });
});

describe('Auth: issuer and audience (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();

  beforeAll(async () => {
    t = await createTestApp({ JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'case-api' });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.JWT_ISSUER;
    delete process.env.JWT_AUDIENCE;
  });

  const status = async (extra: Record<string, unknown>) =>
    (
      await t.http
        .get('/api/v1/priorities')
        .set('Authorization', `Bearer ${tokenFor({ tenant, extra })}`)
    ).status;

  it('accepts the configured issuer and audience only', async () => {
    expect(await status({ iss: 'https://idp.example', aud: 'case-api' })).toBe(200);
    expect(await status({ iss: 'https://idp.example', aud: ['other', 'case-api'] })).toBe(200);
    expect(await status({ iss: 'https://evil.example', aud: 'case-api' })).toBe(401);
    expect(await status({ iss: 'https://idp.example', aud: 'other-api' })).toBe(401);
    expect(await status({ aud: 'case-api' })).toBe(401);
    expect(await status({ iss: 'https://idp.example' })).toBe(401);
  });

  it('signs OAuth client tokens with the configured issuer and audience', async () => {
    const created = await t.http
      .post('/api/v1/oauth/clients')
      .set(bearer({ tenant, extra: { iss: 'https://idp.example', aud: 'case-api' } }))
      .send({ name: 'robot', permissions: ['CASE_PRIORITY_VIEW'] })
      .expect(201);
    const token = await t.http
      .post('/api/v1/oauth/token')
      .send({
        grant_type: 'client_credentials',
        client_id: created.body.data.clientId,
        client_secret: created.body.data.clientSecret,
      })
      .expect(200);
    expect(jwt.decode(token.body.access_token)).toMatchObject({
      iss: 'https://idp.example',
      aud: 'case-api',
    });
    await t.http
      .get('/api/v1/priorities')
      .set('Authorization', `Bearer ${token.body.access_token}`)
      .expect(200);
  });
});

describe('Auth: RS256 with JWT_PUBLIC_KEY (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();

  beforeAll(async () => {
    t = await createTestApp({ JWT_PUBLIC_KEY: rsa.publicKey });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.JWT_PUBLIC_KEY;
  });

  const status = async (token: string) =>
    (await t.http.get('/api/v1/priorities').set('Authorization', `Bearer ${token}`)).status;

  it('accepts tokens signed by the identity provider key', async () => {
    expect(await status(jwt.sign(claims(tenant), rsa.privateKey, { algorithm: 'RS256' }))).toBe(
      200,
    );
  });

  it('refuses HS256 tokens, even one keyed with the public key (algorithm confusion)', async () => {
    expect(await status(hs256(claims(tenant)))).toBe(401);
    const confused = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims(tenant))}`;
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', rsa.publicKey).update(confused).digest('base64url');
    expect(await status(`${confused}.${signature}`)).toBe(401);
  });

  it('still accepts the OAuth client tokens it mints itself (HS256, kind client)', async () => {
    const created = await t.http
      .post('/api/v1/oauth/clients')
      .set(
        'Authorization',
        `Bearer ${jwt.sign(claims(tenant), rsa.privateKey, { algorithm: 'RS256' })}`,
      )
      .send({ name: 'scheduler', permissions: ['CASE_PRIORITY_VIEW'] })
      .expect(201);
    const issued = await t.http
      .post('/api/v1/oauth/token')
      .send({
        grant_type: 'client_credentials',
        client_id: created.body.data.clientId,
        client_secret: created.body.data.clientSecret,
      })
      .expect(200);
    expect(jwt.decode(issued.body.access_token, { complete: true })?.header.alg).toBe('HS256');
    expect(await status(issued.body.access_token)).toBe(200);
    const forged = hs256(
      claims(tenant, { kind: 'client', sub: created.body.data.clientId }),
      rsa.publicKey,
    );
    expect(await status(forged)).toBe(401);
  });

  it('refuses a token signed by another key and alg none', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await status(jwt.sign(claims(tenant), other.privateKey, { algorithm: 'RS256' }))).toBe(
      401,
    );
    expect(await status(`${b64({ alg: 'none' })}.${b64(claims(tenant))}.`)).toBe(401);
  });
});
