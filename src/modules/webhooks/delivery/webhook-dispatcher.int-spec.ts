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
import { firstReceipts, WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { WebhookSubscriptions } from '../commands/webhook-subscriptions';
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
    const verifier = new Webhook(secret);
    for (const r of receiver.received) {
      // The signature is timestamped by the fake clock; the verifier checks it against Date.now.
      const now = jest
        .spyOn(Date, 'now')
        .mockReturnValue(Number(r.headers['webhook-timestamp']) * 1000);
      expect(() => verifier.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      now.mockRestore();
    }
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
});
