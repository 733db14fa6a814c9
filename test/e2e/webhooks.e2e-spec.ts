import { Webhook } from 'standardwebhooks';
import { WebhookDispatcher } from '../../src/modules/webhooks/delivery/webhook-dispatcher';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { feedTenant } from '../support/outbox-events';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * The relay is off on the shared test database, so the spec hands its own tenant's outbox rows to
 * the change-feed subscriber (as the relay would, per case in order) and drains the dispatcher.
 */
describe('Webhooks and the change feed (e2e)', () => {
  let t: TestApp;
  const receiver = new WebhookReceiver();
  let url: string;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp({
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      EVENT_STREAM_HEARTBEAT_MS: '100',
      EVENT_STREAM_POLL_MS: '50',
    });
    t.clock.set(new Date());
    url = await receiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  async function relayTenant(clientId = tenant): Promise<void> {
    await feedTenant(t, clientId);
    await t.app.get(WebhookDispatcher).drain(clientId);
  }

  const createCase = async (caseTypeId: string) =>
    (await t.http.post('/api/v1/cases').set(admin).send({ caseTypeId, details: 'x' }).expect(201))
      .body.data.id as string;

  it('creates a webhook with a whsec_ secret shown once, and lists, reads, updates and deletes it', async () => {
    const created = await t.http
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url, events: ['case.*'], description: 'CRM' })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'CASE1300',
      data: { url, events: ['case.*'], active: true, description: 'CRM' },
    });
    expect(created.body.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const id = created.body.data.id as string;
    const got = await t.http.get(`/api/v1/webhooks/${id}`).set(admin).expect(200);
    expect(got.body.data.secret).toBeUndefined();
    const stored = await t.dataSource.query(`SELECT secret FROM webhooks WHERE id = $1`, [id]);
    expect(stored[0].secret).not.toContain(created.body.data.secret.slice(6, 20));
    const list = await t.http.get('/api/v1/webhooks').set(admin).expect(200);
    expect(list.body.data.map((w: { id: string }) => w.id)).toContain(id);
    const patched = await t.http
      .patch(`/api/v1/webhooks/${id}`)
      .set(admin)
      .send({ active: false })
      .expect(200);
    expect(patched.body).toMatchObject({ code: 'CASE1302', data: { active: false } });
    await t.http
      .delete(`/api/v1/webhooks/${id}`)
      .set(admin)
      .expect(200, { code: 'CASE1304', message: 'Webhook deleted successfully.', data: { id } });
    await t.http.get(`/api/v1/webhooks/${id}`).set(admin).expect(404);
  });

  it('delivers matching events signed per Standard Webhooks, in case order, and feeds them oldest first', async () => {
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url, events: ['case.created', 'case.commented'] })
      .expect(201);
    const { id, secret } = hook.body.data as { id: string; secret: string };
    const caseTypeId = await createCaseType(t, admin);
    const caseId = await createCase(caseTypeId);
    await t.http
      .post(`/api/v1/cases/${caseId}/comments`)
      .set(admin)
      .send({ text: 'one' })
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${caseId}/comments`)
      .set(admin)
      .send({ text: 'two' })
      .expect(201);
    receiver.received.length = 0;
    await relayTenant();

    expect(receiver.envelopes().map((e) => e.type)).toEqual([
      'case.created',
      'case.commented',
      'case.commented',
    ]);
    const verifier = new Webhook(secret);
    for (const r of receiver.received) {
      const payload = verifier.verify(r.body, r.headers as Record<string, string>) as {
        id: string;
        caseId: string;
      };
      expect(r.headers['webhook-id']).toBe(payload.id);
      expect(payload.caseId).toBe(caseId);
    }
    const deliveries = await t.http
      .get(`/api/v1/webhooks/${id}/deliveries?status=succeeded`)
      .set(admin)
      .expect(200);
    expect(deliveries.body.data).toHaveLength(3);
    expect(deliveries.body.data[0]).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastResponseCode: 204,
    });

    const feed = await t.http.get(`/api/v1/events?caseId=${caseId}`).set(admin).expect(200);
    expect(feed.body.data.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['case.created', 'case.commented']),
    );
    expect(feed.body.data[0]).toMatchObject({ type: 'case.created', caseId });
    const cursors = feed.body.data.map((e: { cursor: string }) => Number(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    const after = await t.http
      .get(`/api/v1/events?after=${cursors[0]}&type=case.commented`)
      .set(admin)
      .expect(200);
    expect(after.body.data.map((e: { type: string }) => e.type)).toEqual([
      'case.commented',
      'case.commented',
    ]);
    await t.http.get('/api/v1/events?after=abc').set(admin).expect(400);
    const otherFeed = await t.http
      .get('/api/v1/events')
      .set(bearer({ tenant: newTenant() }))
      .expect(200);
    expect(otherFeed.body.data).toEqual([]);
    await t.http.delete(`/api/v1/webhooks/${id}`).set(admin).expect(200);
  });

  it('streams the feed as Server-Sent Events: id is the cursor, Last-Event-ID resumes right after it, heartbeats', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const caseId = await createCase(caseTypeId);
    await relayTenant();
    const all = (await t.http.get('/api/v1/events').set(admin).expect(200)).body.data as {
      id: string;
      cursor: string;
    }[];
    expect(all.length).toBeGreaterThan(1);
    const res = await t.http
      .get('/api/v1/events/stream?maxSeconds=0')
      .set(admin)
      .set('Last-Event-ID', all[0].cursor)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const ids = [...(res.body as string).matchAll(/^id: (\d+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(all.slice(1).map((e) => e.cursor));
    const data = [...(res.body as string).matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]));
    expect(data.map((d: { id: string }) => d.id)).toEqual(all.slice(1).map((e) => e.id));

    // Live: an event committed while the stream is open arrives, between heartbeats.
    const live = t.http
      .get('/api/v1/events/stream?maxSeconds=1')
      .set(admin)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => done(null, text));
      });
    const body = live.then((r) => r.body as string);
    await new Promise((r) => setTimeout(r, 300));
    await t.http
      .post(`/api/v1/cases/${caseId}/comments`)
      .set(admin)
      .send({ text: 'live' })
      .expect(201);
    await relayTenant();
    const text = await body;
    expect(text).toMatch(/: heartbeat/);
    expect(text).toMatch(/^event: case\.commented$/m);
    await t.http
      .get('/api/v1/events/stream?maxSeconds=0')
      .set(admin)
      .set('Last-Event-ID', 'x')
      .expect(400);
  });

  it('retries with backoff, holds back later events of the failing case only, and a retry resends', async () => {
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url, events: ['case.*'] })
      .expect(201);
    const id = hook.body.data.id as string;
    const caseTypeId = await createCaseType(t, admin);
    const [stuck, free] = [await createCase(caseTypeId), await createCase(caseTypeId)];
    await t.http
      .post(`/api/v1/cases/${stuck}/comments`)
      .set(admin)
      .send({ text: 'later' })
      .expect(201);
    receiver.received.length = 0;
    receiver.status = (r) => (JSON.parse(r.body).caseId === stuck ? 503 : 204);
    await relayTenant();
    expect(receiver.envelopes().map((e) => e.caseId)).toEqual([free]);
    const pending = await t.http
      .get(`/api/v1/webhooks/${id}/deliveries?status=pending`)
      .set(admin)
      .expect(200);
    expect(pending.body.data).toHaveLength(2);
    const head = pending.body.data.find((d: { attempts: number }) => d.attempts === 1);
    expect(head).toMatchObject({ lastResponseCode: 503 });
    expect(new Date(head.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(10_000);

    receiver.status = () => 204;
    const retried = await t.http
      .post(`/api/v1/webhooks/${id}/deliveries/${head.id}/retry`)
      .set(admin)
      .expect(200);
    expect(retried.body).toMatchObject({
      code: 'CASE1306',
      data: { id: head.id, status: 'pending' },
    });
    await t.app.get(WebhookDispatcher).drain(tenant);
    expect(
      receiver
        .envelopes()
        .filter((e) => e.caseId === stuck)
        .map((e) => e.type),
    ).toEqual(['case.created', 'case.commented']);

    const ping = await t.http.post(`/api/v1/webhooks/${id}/ping`).set(admin).expect(200);
    expect(ping.body).toMatchObject({
      code: 'CASE1308',
      data: { eventType: 'webhook.ping', status: 'pending' },
    });
    await t.app.get(WebhookDispatcher).drain(tenant);
    expect(receiver.envelopes().at(-1)).toMatchObject({ type: 'webhook.ping' });
    await t.http.delete(`/api/v1/webhooks/${id}`).set(admin).expect(200);
  });

  it('signs with both secrets for 24 h after a rotation', async () => {
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url, events: ['*'] })
      .expect(201);
    const { id, secret: old } = hook.body.data as { id: string; secret: string };
    const rotated = await t.http
      .patch(`/api/v1/webhooks/${id}`)
      .set(admin)
      .send({ rotateSecret: true })
      .expect(200);
    const fresh = rotated.body.data.secret as string;
    expect(fresh).not.toBe(old);
    receiver.received.length = 0;
    await t.http.post(`/api/v1/webhooks/${id}/ping`).set(admin).expect(200);
    await t.app.get(WebhookDispatcher).drain(tenant);
    const [r] = receiver.received;
    expect(String(r.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const s of [old, fresh])
      expect(() =>
        new Webhook(s).verify(r.body, r.headers as Record<string, string>),
      ).not.toThrow();
    await t.http.delete(`/api/v1/webhooks/${id}`).set(admin).expect(200);
  });
});
