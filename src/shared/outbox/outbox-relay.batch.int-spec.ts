import { randomUUID } from 'node:crypto';
import {
  BatchRecordingSubscriber,
  createRelayTestModule,
  lanes,
  oneToN,
  RelayTestModule,
  Seen,
  TestEvent,
} from '../../../test/support/outbox-relay-test-module';
import { advance } from '../../../test/support/queue-test-module';
import { newTenant } from '../../../test/support/test-env';
import { privateDatabase, type PrivateDatabase } from '../../../test/support/scratch-database';

const RETRY_BASE_MS = 1000;
const BATCH = 5;

/**
 * A subscriber that takes batches gets several events of a lane per round (the lane's first ones,
 * in order), and when a batch throws, the relay delivers its events one by one, holding back the
 * rest of a lane whose event failed: released uncounted, due again with that event's retry.
 */
describe('OutboxRelay with a batch subscriber (integration)', () => {
  let db: PrivateDatabase;
  let t: RelayTestModule;
  const log: Seen[] = [];
  const refused = new Set<string>();
  const batcher = new BatchRecordingSubscriber('batcher', log, {
    fail: (seen) => refused.has(seen.aggregateId),
    failBatch: (seen) => seen.some((s) => refused.has(s.aggregateId)),
  });

  beforeAll(async () => {
    db = await privateDatabase('outbox_batch');
    t = await createRelayTestModule(db.url, [batcher], {
      retryBaseMs: RETRY_BASE_MS,
      batchSize: BATCH,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** One transaction per event, a millisecond apart: fan-out takes them in this order. */
  const append = async (tenant: string, aggregate: string, n: number) => {
    for (let i = 0; i < n; i++) {
      advance(t.clock, 1);
      await t.tx.run(() => t.outbox.append([new TestEvent(tenant, aggregate, t.clock.now())]));
    }
  };
  const deliveriesOf = (tenant: string) =>
    t.tx.query<{ aggregate_id: string; seq: string; attempts: number; available_at: Date }>(
      `SELECT aggregate_id, seq, attempts, available_at FROM outbox_deliveries
        WHERE client_id = $1 AND subscriber = 'batcher' ORDER BY aggregate_id, seq`,
      [tenant],
    );

  it('claims a lane several events deep per round, in sequence order, each once', async () => {
    const tenant = newTenant();
    const aggregate = randomUUID();
    await append(tenant, aggregate, 12);
    batcher.batches.length = 0;
    await t.relay.pollOnce();
    // One lane: before, one event per round; now the batch's worth, in one call.
    expect(batcher.batches).toEqual([BATCH]);
    expect(lanes(log, 'batcher').get(aggregate)).toEqual(oneToN(BATCH));
    await t.relay.drain();
    expect(lanes(log, 'batcher').get(aggregate)).toEqual(oneToN(12));
    expect(await deliveriesOf(tenant)).toEqual([]);
  });

  it('falls back to one by one when a batch throws; a failed event holds back its lane, uncounted', async () => {
    const tenant = newTenant();
    const [bad, good] = [randomUUID(), randomUUID()];
    await t.relay.drain();
    await append(tenant, bad, 3);
    await append(tenant, good, 2);
    refused.add(bad);
    await t.relay.pollOnce();
    expect(lanes(log, 'batcher').get(good)).toEqual([1, 2]);
    expect(lanes(log, 'batcher').get(bad)).toBeUndefined();
    const retryAt = new Date(t.clock.now().getTime() + RETRY_BASE_MS);
    // The failed head counted one attempt; the two held behind it none, and all wait for it.
    expect(
      (await deliveriesOf(tenant)).map((d) => [Number(d.seq), d.attempts, d.available_at]),
    ).toEqual([
      [1, 1, retryAt],
      [2, 0, retryAt],
      [3, 0, retryAt],
    ]);
    refused.delete(bad);
    advance(t.clock, RETRY_BASE_MS);
    await t.relay.drain();
    expect(lanes(log, 'batcher').get(bad)).toEqual([1, 2, 3]);
    expect(await deliveriesOf(tenant)).toEqual([]);
  });
});
