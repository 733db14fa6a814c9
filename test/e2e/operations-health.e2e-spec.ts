import { DbProxy, startDbProxy } from '../support/db-proxy';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Operations: /health (e2e)', () => {
  let t: TestApp;
  let proxy: DbProxy;

  beforeAll(async () => {
    proxy = await startDbProxy();
    t = await createTestApp({ DATABASE_URL: proxy.url });
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  it('answers 200 { status: ok, checks } without a token while the database is up', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('answers 503 { status: error } while the database is unreachable, and recovers', async () => {
    await proxy.cut();
    const down = await t.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      status: 'error',
      checks: { database: expect.objectContaining({ status: 'down' }) },
    });

    const api = await t.http.get('/api/v1/priorities').set(bearer({ tenant: newTenant() }));
    expect(api.status).toBe(503);
    expect(api.body).toMatchObject({ statusCode: 503, code: 'CASE5030' });

    await proxy.restore();
    const up = await t.http.get('/health');
    expect(up.status).toBe(200);
    expect(up.body.status).toBe('ok');
  });
});

describe('Operations: /health after the data source is gone (e2e)', () => {
  it('answers 503 once the connection pool is closed', async () => {
    const t = await createTestApp();
    try {
      await t.http.get('/health').expect(200);
      await t.dataSource.destroy();
      const res = await t.http.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', checks: { database: { status: 'down' } } });
    } finally {
      await t.close();
    }
  });
});

describe('Operations: /metrics (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts requests and their latency by method, route pattern and status', async () => {
    const admin = bearer({ tenant: newTenant() });
    const created = await t.http
      .post('/api/v1/priorities')
      .set(admin)
      .send({ name: 'M', code: 'M', level: 1 })
      .expect(201);
    await t.http.get(`/api/v1/priorities/${created.body.data.id}`).set(admin).expect(200);
    await t.http.get(`/api/v1/priorities/${created.body.data.id}`).set(admin).expect(200);
    await t.http.get('/api/v1/priorities').expect(401);
    await t.http.get('/api/v1/no-such-thing/123').expect(404);
    await t.http
      .post('/api/v1/priorities')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{bad')
      .expect(400);

    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    const sample = (name: string, labels: string) =>
      text.split('\n').find((line) => line.startsWith(`${name}{${labels}}`));
    expect(
      sample('http_requests_total', 'method="POST",route="/api/v1/priorities",status="201"'),
    ).toMatch(/ 1$/);
    expect(
      sample('http_requests_total', 'method="GET",route="/api/v1/priorities/:id",status="200"'),
    ).toMatch(/ 2$/);
    expect(
      sample('http_requests_total', 'method="GET",route="/api/v1/priorities",status="401"'),
    ).toMatch(/ 1$/);
    expect(sample('http_requests_total', 'method="GET",route="unmatched",status="404"')).toMatch(
      / 1$/,
    );
    expect(sample('http_requests_total', 'method="POST",route="unmatched",status="400"')).toMatch(
      / 1$/,
    );
    expect(
      sample('http_request_duration_seconds_count', 'method="GET",route="/api/v1/priorities/:id"'),
    ).toMatch(/ 2$/);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).not.toContain(created.body.data.id);
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
