import { Permission } from '../../src/shared/auth/permission.enum';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Webhook validation, isolation and URLs without WEBHOOK_ALLOW_PRIVATE_URLS (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  const url = 'https://93.184.216.34/hooks';

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: 'false' });
  });
  afterAll(() => t.close());

  it('refuses bad filters, secrets and URLs with coded 400s, and other tenants get 404', async () => {
    const bad = async (body: object, code: string) =>
      expect(
        (await t.http.post('/api/v1/webhooks').set(admin).send(body).expect(400)).body.code,
      ).toBe(code);
    await bad({ url, events: ['case.'] }, 'CASE4802');
    await bad({ url, events: ['*'], secret: 'whsec_short' }, 'CASE4801');
    await bad({ url: 'ftp://example.com/x', events: ['*'] }, 'CASE4000');
    const id = (
      await t.http
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url, events: ['*'] })
        .expect(201)
    ).body.data.id;
    const other = bearer({ tenant: newTenant() });
    await t.http.get(`/api/v1/webhooks/${id}`).set(other).expect(404);
    await t.http.post(`/api/v1/webhooks/${id}/ping`).set(other).expect(404);
    await t.http.get(`/api/v1/webhooks/${id}/deliveries`).set(other).expect(404);
    await t.http
      .get('/api/v1/webhooks')
      .set(bearer({ tenant, permissions: [Permission.CASE_VIEW] }))
      .expect(403);
    await t.http.delete(`/api/v1/webhooks/${id}`).set(admin).expect(200);
  });

  it('declares the stream as text/event-stream and the routes with their permissions in /docs-json', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const stream = doc.paths['/api/v1/events/stream'].get;
    expect(Object.keys(stream.responses['200'].content)).toEqual(['text/event-stream']);
    expect(JSON.stringify(stream)).toContain('CASE_VIEW');
    expect(JSON.stringify(doc.paths['/api/v1/webhooks'].post)).toContain('CASE_WEBHOOK_MANAGE');
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[fc00::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://localhost:8080/hook',
    'http://user:pw@example.com/hook',
  ])('refuses %s with CASE4800', async (url) => {
    const res = await t.http
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url, events: ['*'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4800');
  });
});
