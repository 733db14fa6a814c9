import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { TestEvent } from '../../../../test/support/outbox-relay-test-module';
import { advance } from '../../../../test/support/queue-test-module';
import { newTenant } from '../../../../test/support/test-env';
import { Actor } from '../../../shared/auth/actor';
import {
  createWebhookTestModule,
  WebhookTestModule,
} from '../../../../test/support/webhook-test-module';
import {
  firstReceipts,
  Received,
  WebhookReceiver,
} from '../../../../test/support/webhook-receiver';
import { WebhookSubscriptions } from '../commands/webhook-subscriptions';
import { EventFeedSubscriber } from '../feed/event-feed.subscriber';
import { privateDatabase, type PrivateDatabase } from '../../../../test/support/scratch-database';

const RETRY_BASE_MS = 1000;

describe('WebhookDispatcher with the outbox relay (integration)', () => {
  let db: PrivateDatabase;
  let t: WebhookTestModule;
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    db = await privateDatabase('webhooks');
    url = await receiver.start();
    t = await createWebhookTestModule(db.url, {
      webhooks: {
        retryBaseMs: RETRY_BASE_MS,
        retryMaxMs: 60_000,
        disableAfterFailures: 5,
        disableAfterMs: 3_600_000,
      },
    });
    t.clock.set(new Date());
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await db?.drop();
  });

  const subscribe = (tenant: string, events = ['case.*']) =>
    t.moduleRef.get(WebhookSubscriptions).create(Actor.system(tenant), { url, events });
  const append = (tenant: string, caseId: string, type = 'case.updated') =>
    t.tx.run(() => t.outbox.append([new TestEvent(tenant, caseId, t.clock.now(), type, { n: 1 })]));
  const pump = async () => {
    await t.relay.drain();
    await t.dispatcher.drain();
  };
  const expectSigned = (received: Received[], secret: string) => {
    const verifier = new Webhook(secret);
    for (const r of received) {
      // The signature is timestamped by the fake clock; the verifier checks it against Date.now.
      const now = jest
        .spyOn(Date, 'now')
        .mockReturnValue(Number(r.headers['webhook-timestamp']) * 1000);
      expect(() => verifier.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      now.mockRestore();
    }
  };
  const expectedLanes = async (tenant: string) => {
    const rows = await t.tx.query<{ id: string; aggregate_id: string }>(
      `SELECT id, aggregate_id FROM outbox WHERE client_id = $1 ORDER BY aggregate_id, seq`,
      [tenant],
    );
    const lanes = new Map<string, string[]>();
    for (const r of rows) lanes.set(r.aggregate_id, [...(lanes.get(r.aggregate_id) ?? []), r.id]);
    return lanes;
  };

  it('a receiver down for five minutes gets every event afterwards, each case in order, verifiably signed', async () => {
    const tenant = newTenant();
    const { secret } = await subscribe(tenant);
    const cases = [randomUUID(), randomUUID(), randomUUID()];
    receiver.received.length = 0;
    receiver.status = () => 503;
    for (let i = 0; i < 5; i++) for (const c of cases) await append(tenant, c);
    const downUntil = t.clock.now().getTime() + 5 * 60_000;
    while (t.clock.now().getTime() < downUntil) {
      await pump();
      advance(t.clock, 15_000);
    }
    expect(receiver.received).toHaveLength(0);
    receiver.status = () => 204;
    for (let i = 0; i < 10 && receiver.received.length < 15; i++) {
      advance(t.clock, 60_000);
      await pump();
    }
    expect(firstReceipts(receiver)).toEqual(await expectedLanes(tenant));
    expectSigned(receiver.received, secret);
    expect(t.notifier.recorded).toEqual([]);
  });

  it('disables an endpoint failing for the configured run and time, gives up its deliveries and tells the admins', async () => {
    const tenant = newTenant();
    const { id } = await subscribe(tenant);
    receiver.status = () => 500;
    await append(tenant, randomUUID());
    for (let i = 0; i < 12; i++) {
      await pump();
      advance(t.clock, 20 * 60_000);
    }
    const [hook] = await t.tx.query<{ active: boolean; disabled_at: Date | null }>(
      `SELECT active, disabled_at FROM webhooks WHERE id = $1`,
      [id],
    );
    expect(hook.active).toBe(false);
    const statuses = await t.tx.query<{ status: string }>(
      `SELECT status FROM webhook_deliveries WHERE webhook_id = $1`,
      [id],
    );
    expect(statuses).toEqual([{ status: 'failed' }]);
    expect(t.notifier.recorded).toEqual([
      expect.objectContaining({
        clientId: tenant,
        template: 'webhook.disabled',
        recipient: { kind: 'group', id: 'webhook-admins' },
        payload: expect.objectContaining({ webhookId: id, url }),
      }),
    ]);
    receiver.status = () => 204;
  });

  it('appends every event once to the feed, at positions in commit order, whatever the redeliveries', async () => {
    const tenant = newTenant();
    const c = randomUUID();
    for (let i = 0; i < 4; i++) await append(tenant, c);
    await pump();
    await t.tx.query(
      `UPDATE outbox SET fanned_out_at = NULL, published_at = NULL WHERE client_id = $1`,
      [tenant],
    );
    await pump();
    const feed = await t.tx.query<{ position: string; event_id: string }>(
      `SELECT position, event_id FROM event_feed WHERE client_id = $1 ORDER BY position`,
      [tenant],
    );
    expect(feed.map((f) => f.event_id)).toEqual((await expectedLanes(tenant)).get(c));
    expect(feed.map((f) => Number(f.position))).toEqual([1, 2, 3, 4]);
  });

  it('carries any payload unchanged to the outbox, the feed and the signed body, in one batch', async () => {
    // The rows of each hop travel as one JSON array parameter: whatever characters a payload
    // holds come out as they went in.
    const payload = {
      quote: 'he said "hi"',
      backslashes: 'C:\\cases\\new \\" \\\\u0041 \\n',
      controls: 'tab\tline\nreturn\rbell\u0007',
      unicode: 'Grüße, 東京, 👩‍💻, \u2028\u2029',
      arrayish: '{"a",NULL}, {}, NULL, ,',
      nested: { list: ['a,b', '"c"', null, 'NULL', ''], deep: { n: -1.5e-7, big: 2 ** 53 - 1 } },
      empty: '',
    };
    const payloads = [payload, { ...payload, n: 2 }, { n: 3, quote: '"' }];
    const tenant = newTenant();
    const { secret } = await subscribe(tenant);
    const caseId = randomUUID();
    // The feed takes them as one batch; its event-by-event fallback would hide a failed batch.
    const oneByOne = jest.spyOn(EventFeedSubscriber.prototype, 'handle');
    await t.tx.run(() =>
      t.outbox.append(
        payloads.map((p) => new TestEvent(tenant, caseId, t.clock.now(), 'case.updated', p)),
      ),
    );
    await pump();
    expect(oneByOne).not.toHaveBeenCalled();
    oneByOne.mockRestore();

    const outbox = await t.tx.query<{ id: string; payload: unknown; seq: string }>(
      `SELECT id, payload, seq FROM outbox WHERE client_id = $1 ORDER BY seq`,
      [tenant],
    );
    expect(outbox.map((r) => [r.payload, Number(r.seq)])).toEqual(
      payloads.map((p, i) => [p, i + 1]),
    );
    const feed = await t.tx.query<{ event_id: string; data: unknown }>(
      `SELECT event_id, data FROM event_feed WHERE client_id = $1 ORDER BY position`,
      [tenant],
    );
    expect(feed).toEqual(outbox.map((r) => ({ event_id: r.id, data: r.payload })));
    const bodies = await t.tx.query<{ event_id: string; body: string }>(
      `SELECT event_id, body FROM webhook_deliveries WHERE client_id = $1 ORDER BY seq`,
      [tenant],
    );
    expect(bodies.map((b) => b.event_id)).toEqual(outbox.map((r) => r.id));
    expect(bodies.map((b) => JSON.parse(b.body).data)).toEqual(payloads);
    const received = receiver.received.filter((r) => bodies.some((b) => b.body === r.body));
    expect(received).toHaveLength(payloads.length);
    expectSigned(received, secret);
  });
});
