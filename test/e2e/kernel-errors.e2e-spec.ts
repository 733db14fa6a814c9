import { expectEnvelope, rawPoster } from '../support/raw-requests';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Kernel: errors, envelopes and correlation ids (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const postRaw = (body: string | Buffer, contentType?: string) =>
    rawPoster(t, '/api/v1/priorities', admin)(body, contentType);

  describe('correlation ids', () => {
    it('mints one per request, answers it in the header and in the error body', async () => {
      const a = await t.http.get('/api/v1/priorities/not-a-uuid').set(admin);
      const b = await t.http.get('/api/v1/priorities/not-a-uuid').set(admin);
      expectEnvelope(a, 400, 'CASE4003');
      expect(a.body.correlationId).toMatch(UUID);
      expect(b.body.correlationId).not.toBe(a.body.correlationId);
    });

    it('reuses a well-formed incoming x-correlation-id and replaces a malformed one', async () => {
      const reused = await t.http
        .get('/api/v1/nothing-here')
        .set('x-correlation-id', 'trace-42:abc.DEF_1');
      expectEnvelope(reused, 404, 'CASE4040');
      expect(reused.body.correlationId).toBe('trace-42:abc.DEF_1');

      for (const bad of ['has spaces in it', 'x'.repeat(101), '<script>']) {
        const res = await t.http.get('/api/v1/nothing-here').set('x-correlation-id', bad);
        expect(res.body.correlationId).toMatch(UUID);
        expect(res.headers['x-correlation-id']).toBe(res.body.correlationId);
      }
    });

    it('also answers the header on successful responses', async () => {
      const res = await t.http
        .get('/api/v1/priorities')
        .set(admin)
        .set('x-correlation-id', 'ok-request-1');
      expect(res.status).toBe(200);
      expect(res.headers['x-correlation-id']).toBe('ok-request-1');
    });
  });

  describe('unknown routes', () => {
    it.each([
      ['get', '/api/v1/unknown'],
      ['post', '/api/v1/unknown'],
      ['put', '/api/v1/priorities'],
      ['get', '/'],
    ] as const)('%s %s → 404 CASE4040 with the envelope, token or not', async (method, path) => {
      expectEnvelope(await t.http[method](path), 404, 'CASE4040');
      expectEnvelope(await t.http[method](path).set(admin), 404, 'CASE4040');
    });
  });

  describe('validation', () => {
    it('lists each bad field in details', async () => {
      const res = await t.http
        .post('/api/v1/oauth/clients')
        .set(admin)
        .send({ name: 7, permissions: ['CASE_VIEW', 'NOT_A_PERMISSION'], extra: true });
      expectEnvelope(res, 400, 'CASE4000');
      const fields = new Set((res.body.details as { field: string }[]).map((d) => d.field));
      expect([...fields].sort()).toEqual(['extra', 'name', 'permissions']);
      for (const detail of res.body.details) expect(detail.message).toEqual(expect.any(String));
    });

    it('names nested fields by their path', async () => {
      const res = await t.http
        .post('/api/v1/case-types')
        .set(admin)
        .send({
          processId: '00000000-0000-4000-8000-000000000000',
          name: 'Nested',
          code: 'NESTED',
          dueDate: { dueInHours: -1, warnBeforeHours: 1 },
          slas: [
            { name: 'fine', warnAfterMinutes: 5, breachAfterMinutes: 10 },
            { name: 3, warnAfterMinutes: 'soon', breachAfterMinutes: 10 },
          ],
        });
      expectEnvelope(res, 400, 'CASE4000');
      const fields = new Set((res.body.details as { field: string }[]).map((d) => d.field));
      expect([...fields].sort()).toEqual([
        'dueDate.dueInHours',
        'slas.1.name',
        'slas.1.warnAfterMinutes',
      ]);
    });
  });

  describe('no 500 for any malformed input', () => {
    const bodies: [string, unknown][] = [
      ['huge string', { name: 'x'.repeat(900_000), code: 'HUGE', level: 1 }],
      ['wrong types', { name: 1, code: true, level: 'high', color: 5, active: 'yes' }],
      ['fractional and huge numbers', { name: 'n', code: 'N1', level: 1.5 }],
      ['number overflow', { name: 'n', code: 'N2', level: 1e308 }],
      ['array for the object', [{ name: 'n', code: 'N3', level: 1 }]],
      ['empty array', []],
      ['objects for strings', { name: { $gt: '' }, code: ['A'], level: { n: 1 } }],
      ['null fields', { name: null, code: null, level: null }],
      ['NUL characters', { name: 'a\u0000b', code: 'NUL', level: 1 }],
      ['lone surrogate', { name: 'a\ud800b', code: 'SURR', level: 1 }],
      ['deep nesting', { name: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) }],
      ['many keys', Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))],
    ];
    it('a body nested deeper than 32 levels → 400 CASE4004, 32 levels pass to validation', async () => {
      const deep = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .send({ name: JSON.parse('['.repeat(40) + ']'.repeat(40)) });
      expectEnvelope(deep, 400, 'CASE4004');
      expect(deep.body.message).toContain('32');
      const shallow = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .send({ name: JSON.parse('['.repeat(30) + ']'.repeat(30)), code: 'D', level: 1 });
      expectEnvelope(shallow, 400, 'CASE4000');
      const fields = new Set((shallow.body.details as { field: string }[]).map((d) => d.field));
      expect([...fields]).toEqual(['name']);
    });

    it('half a million levels of nesting are refused just as fast', async () => {
      const res = await postRaw(`{"name":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
      expectEnvelope(res, 400, 'CASE4004');
    });

    it('a NUL character is a 400, not a database error', async () => {
      const res = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .send({ name: 'a\u0000b', code: 'NUL', level: 1 });
      expectEnvelope(res, 400, 'CASE4000');
    });

    it.each(bodies)('POST with %s → 4xx envelope', async (_label, body) => {
      const res = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .send(body as object);
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expectEnvelope(res, res.status, res.body.code);
    });

    it('prototype pollution keys neither pollute nor crash', async () => {
      for (const raw of [
        '{"__proto__":{"polluted":true},"name":"p","code":"PROTO1","level":1}',
        '{"constructor":{"prototype":{"polluted":true}},"name":"p","code":"PROTO2","level":1}',
        '{"name":"p","code":"PROTO3","level":1,"__proto__":{"level":"x"}}',
      ]) {
        const res = await postRaw(raw);
        expectEnvelope(res, 400, 'CASE4000');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      }
      const list = await t.http.get('/api/v1/priorities?limit=200').set(admin).expect(200);
      for (const p of list.body.data) expect(p).not.toHaveProperty('polluted');
    });

    it.each([
      ['repeated limit', '/api/v1/priorities?limit[]=1&limit[]=2'],
      ['text limit', '/api/v1/priorities?limit=abc'],
      ['zero limit', '/api/v1/priorities?limit=0'],
      ['object cursor', '/api/v1/priorities?cursor[a]=b'],
      ['array boolean', '/api/v1/priorities?active[]=true'],
      ['text boolean', '/api/v1/priorities?active=maybe'],
      ['5000-char cursor', `/api/v1/priorities?cursor=${'A'.repeat(5000)}`],
      ['bad percent-encoding', '/api/v1/priorities/%FF'],
      ['3000-char id', `/api/v1/priorities/${'a'.repeat(3000)}`],
      ['unknown id', '/api/v1/priorities/00000000-0000-0000-0000-000000000000'],
    ])('GET with %s → 4xx envelope', async (_label, path) => {
      const res = await t.http.get(path).set(admin);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectEnvelope(res, res.status, res.body.code);
    });

    it.each([
      ['multipart', 'multipart/form-data; boundary=zz', '--zz--\r\n'],
      ['form', 'application/x-www-form-urlencoded', 'name=p&code=FORM&level=1'],
    ])('a %s body on a JSON route → 415, and nothing is created', async (_label, type, body) => {
      const res = await postRaw(body, type);
      expectEnvelope(res, 415, 'CASE4150');
      const list = await t.http.get('/api/v1/priorities?limit=200').set(admin).expect(200);
      expect(list.body.data.map((p: { code: string }) => p.code)).not.toContain('FORM');
    });

    it('a __proto__ query key is ignored, not merged', async () => {
      const res = await t.http.get('/api/v1/priorities?__proto__[limit]=1&constructor[x]=1');
      expect(res.status).toBe(401);
      const authed = await t.http
        .get('/api/v1/priorities?__proto__[limit]=1&__proto__[polluted]=1')
        .set(admin);
      expect(authed.status).toBe(200);
      expect(authed.body.page.limit).toBe(50);
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([
      ['garbage', 'Bearer abc.def.ghi'],
      ['huge', `Bearer ${'a'.repeat(8000)}`],
      ['wrong scheme', 'Basic dXNlcjpwYXNz'],
      ['empty bearer', 'Bearer '],
    ])('Authorization %s → 401 envelope', async (_label, value) => {
      const res = await t.http.get('/api/v1/priorities').set('Authorization', value);
      expectEnvelope(res, 401, res.body.code);
      expect(['CASE4010', 'CASE4011']).toContain(res.body.code);
    });
  });
});

describe('Kernel: MAX_JSON_BYTES (e2e)', () => {
  let t: TestApp;
  const admin = bearer({ tenant: newTenant() });

  beforeAll(async () => {
    t = await createTestApp({ MAX_JSON_BYTES: '2048' });
  });
  afterAll(() => t.close());

  it('refuses a JSON body over the configured limit with 413 and accepts one under it', async () => {
    const over = await t.http
      .post('/api/v1/priorities')
      .set(admin)
      .send({ name: 'x'.repeat(3000), code: 'BIG', level: 1 });
    expectEnvelope(over, 413, 'CASE4130');
    expect(over.body.message).toContain('2048');
    const under = await t.http
      .post('/api/v1/priorities')
      .set(admin)
      .send({ name: 'x'.repeat(150), code: 'SMALL', level: 1 });
    expect(under.status).toBe(201);
  });

  it('applies the same limit to form bodies', async () => {
    const res = await t.http
      .post('/api/v1/oauth/token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y'.repeat(3000) });
    expectEnvelope(res, 413, 'CASE4130');
  });
});
