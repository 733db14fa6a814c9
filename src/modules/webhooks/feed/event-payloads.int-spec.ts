import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { TestEvent } from '../../../../test/support/outbox-relay-test-module';
import { privateDatabase, type PrivateDatabase } from '../../../../test/support/scratch-database';
import { newTenant } from '../../../../test/support/test-env';
import {
  createWebhookTestModule,
  WebhookTestModule,
} from '../../../../test/support/webhook-test-module';
import { WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { Actor } from '../../../shared/auth/actor';
import { WebhookSubscriptions } from '../commands/webhook-subscriptions';
import { EventFeedSubscriber } from './event-feed.subscriber';

/**
 * Payloads travel from the command to the outbox, the change feed and the webhook body as JSON
 * inside one JSON array parameter per statement: whatever characters they hold come out as they
 * went in, at every hop, and the body a receiver gets is the one that was signed.
 */
const PAYLOAD = {
  quote: 'he said "hi"',
  backslashes: 'C:\\cases\\new \\" \\\\u0041 \\n',
  controls: 'tab\tline\nreturn\rbell\u0007',
  unicode: 'Grüße, 東京, 👩‍💻, \u2028\u2029',
  arrayish: '{"a",NULL}, {}, NULL, ,',
  nested: { list: ['a,b', '"c"', null, 'NULL', ''], deep: { n: -1.5e-7, big: 2 ** 53 - 1 } },
  empty: '',
};

describe('Event payloads through the outbox, the change feed and webhooks (integration)', () => {
  let db: PrivateDatabase;
  let t: WebhookTestModule;
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    db = await privateDatabase('event_payloads');
    url = await receiver.start();
    t = await createWebhookTestModule(db.url);
    t.clock.set(new Date());
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await db?.drop();
  });

  it('arrive unchanged in the outbox, the feed and the signed webhook body, in a batch of several', async () => {
    const tenant = newTenant();
    const { secret } = await t.moduleRef
      .get(WebhookSubscriptions)
      .create(Actor.system(tenant), { url, events: ['case.*'] });
    const caseId = randomUUID();
    const payloads = [PAYLOAD, { ...PAYLOAD, n: 2 }, { n: 3, quote: '"' }];
    // The feed takes them as one batch; its event-by-event fallback would hide a failed batch.
    const oneByOne = jest.spyOn(EventFeedSubscriber.prototype, 'handle');
    await t.tx.run(() =>
      t.outbox.append(
        payloads.map((p) => new TestEvent(tenant, caseId, t.clock.now(), 'case.updated', p)),
      ),
    );
    await t.relay.drain();
    await t.dispatcher.drain();
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
    const verifier = new Webhook(secret);
    for (const r of received) {
      // The signature is timestamped by the fake clock; the verifier checks it against Date.now.
      const now = jest
        .spyOn(Date, 'now')
        .mockReturnValue(Number(r.headers['webhook-timestamp']) * 1000);
      expect(() => verifier.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      now.mockRestore();
    }
  });
});
