import { appConfig } from '../../src/config/configuration';
import { createTestApp, TestApp } from '../support/test-app';
import { bearer } from '../support/tokens';
import { newTenant } from '../support/test-env';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('Kernel: security headers, CORS, /metrics and /docs (e2e)', () => {
  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('answers API, error and docs responses with the security headers', async () => {
      for (const path of ['/api/v1/priorities', '/nowhere', '/docs/', '/health']) {
        const res = await t.http.get(path).set(bearer({ tenant: newTenant() }));
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'x-frame-options': 'SAMEORIGIN',
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
        const csp = res.headers['content-security-policy'] as string;
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self';");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('upgrade-insecure-requests');
      }
    });

    it('sends no CORS headers: other origins are not allowed', async () => {
      const preflight = await t.http
        .options('/api/v1/priorities')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.http.get('/health').set('Origin', 'https://evil.example');
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves /metrics without a token and /docs-json', async () => {
      expect((await t.http.get('/metrics')).status).toBe(200);
      expect((await t.http.get('/docs-json')).status).toBe(200);
    });
  });

  describe('with CORS_ORIGINS, METRICS_TOKEN and DOCS_ENABLED=false', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        CORS_ORIGINS: 'https://app.example, https://admin.example',
        METRICS_TOKEN,
        DOCS_ENABLED: 'false',
      });
    });
    afterAll(() => t.close());

    it('allows exactly the listed origins', async () => {
      const preflight = (origin: string) =>
        t.http
          .options('/api/v1/priorities')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key');
      const allowed = await preflight('https://admin.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/idempotency-key/);
      const other = await preflight('https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();

      const get = await t.http
        .get('/api/v1/priorities')
        .set(bearer({ tenant: newTenant() }))
        .set('Origin', 'https://app.example');
      expect(get.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(get.headers['access-control-expose-headers']).toMatch(/x-correlation-id/);
    });

    it('needs the bearer METRICS_TOKEN on /metrics (401 CASE4011 otherwise)', async () => {
      for (const auth of [undefined, 'Bearer wrong', `Basic ${METRICS_TOKEN}`]) {
        const req = t.http.get('/metrics');
        const res = await (auth ? req.set('Authorization', auth) : req);
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 401,
          code: 'CASE4011',
        });
      }
      const ok = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('http_requests_total');
    });

    it('serves no /docs or /docs-json', async () => {
      for (const path of ['/docs', '/docs/', '/docs-json']) {
        const res = await t.http.get(path);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 404,
          code: 'CASE4040',
        });
      }
    });
  });

  it('turns /docs off by default in production only', () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, DOCS_ENABLED: process.env.DOCS_ENABLED };
    try {
      delete process.env.DOCS_ENABLED;
      process.env.NODE_ENV = 'production';
      expect(appConfig().docsEnabled).toBe(false);
      process.env.DOCS_ENABLED = 'true';
      expect(appConfig().docsEnabled).toBe(true);
      delete process.env.DOCS_ENABLED;
      process.env.NODE_ENV = 'development';
      expect(appConfig().docsEnabled).toBe(true);
    } finally {
      Object.assign(process.env, saved);
      if (saved.DOCS_ENABLED === undefined) delete process.env.DOCS_ENABLED;
    }
  });
});
