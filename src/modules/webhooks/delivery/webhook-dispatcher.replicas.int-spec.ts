import { randomUUID } from 'node:crypto';
import { TestEvent } from '../../../../test/support/outbox-relay-test-module';
import { eventually } from '../../../../test/support/queue-test-module';
import { newTenant } from '../../../../test/support/test-env';
import { firstReceipts, WebhookReceiver } from '../../../../test/support/webhook-receiver';
import {
  createWebhookTestModule,
  WebhookTestModule,
} from '../../../../test/support/webhook-test-module';
import { Actor } from '../../../shared/auth/actor';
import { WebhookSubscriptions } from '../commands/webhook-subscriptions';
import { privateDatabase, type PrivateDatabase } from '../../../../test/support/scratch-database';

const CASES = 20;
const EVENTS_EACH = 10;

/**
 * Two instances (relay and dispatcher loops on, two pools) on one PostgreSQL database, writers
 * committing through both and a receiver refusing one request in five: every event reaches the
 * endpoint at least once, and each case's events in sequence order.
 */
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('Two webhook dispatchers on one database (integration, PostgreSQL)', () => {
  let db: PrivateDatabase;
  const instances: WebhookTestModule[] = [];
  const receiver = new WebhookReceiver();
  let url: string;
  // Retries come due by the clock: here it follows the wall clock.
  let ticking: NodeJS.Timeout;

  beforeAll(async () => {
    db = await privateDatabase('webhook_replicas');
    url = await receiver.start();
    for (let i = 0; i < 2; i++) {
      instances.push(
        await createWebhookTestModule(db.url, {
          enabled: true,
          webhooks: { retryBaseMs: 20, retryMaxMs: 100 },
        }),
      );
    }
    ticking = setInterval(() => instances.forEach((i) => i.clock.set(new Date())), 5);
  }, 120_000);
  afterAll(async () => {
    clearInterval(ticking);
    await Promise.all(instances.map((i) => i.close()));
    await receiver.stop();
    await db?.drop();
  });

  it('delivers every event at least once, each case in order, whichever instance sends it', async () => {
    const tenant = newTenant();
    await instances[0].moduleRef
      .get(WebhookSubscriptions)
      .create(Actor.system(tenant), { url, events: ['*'] });
    let n = 0;
    receiver.status = () => (++n % 5 === 0 ? 503 : 204);
    const cases = Array.from({ length: CASES }, () => randomUUID());
    const writes = cases.flatMap((c) => Array.from({ length: EVENTS_EACH }, () => c));
    writes.sort(() => Math.random() - 0.5);
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        const { tx, outbox, clock } = instances[w % 2];
        while (next < writes.length) {
          const c = writes[next++];
          await tx.run(() =>
            outbox.append([new TestEvent(tenant, c, clock.now(), 'case.updated')]),
          );
        }
      }),
    );
    await eventually(
      () => expect(new Set(receiver.envelopes().map((e) => e.id)).size).toBe(CASES * EVENTS_EACH),
      60_000,
    );
    const rows = await instances[0].tx.query<{ id: string; aggregate_id: string }>(
      `SELECT id, aggregate_id FROM outbox WHERE client_id = $1 ORDER BY aggregate_id, seq`,
      [tenant],
    );
    const expected = new Map<string, string[]>();
    for (const r of rows)
      expected.set(r.aggregate_id, [...(expected.get(r.aggregate_id) ?? []), r.id]);
    expect(firstReceipts(receiver)).toEqual(expected);
  }, 90_000);
});
