import { randomUUID } from 'node:crypto';
import {
  createRelayTestModule,
  lanes,
  RecordingSubscriber,
  RelayTestModule,
  Seen,
  TestEvent,
} from '../../../test/support/outbox-relay-test-module';
import { newTenant } from '../../../test/support/test-env';
import { privateDatabase, type PrivateDatabase } from '../../../test/support/scratch-database';

/**
 * What a subscriber receives is decided once, at fan-out, by its type and, where the subscriber
 * says so, by the payload: a refused event gets no delivery of that subscriber, and one that no
 * subscriber receives is published as it is fanned out.
 */
describe('OutboxRelay routing by payload (integration)', () => {
  let db: PrivateDatabase;
  let t: RelayTestModule;
  const log: Seen[] = [];

  beforeAll(async () => {
    db = await privateDatabase('outbox_routing');
    t = await createRelayTestModule(db.url, [
      new RecordingSubscriber('typed', log, { types: ['test.happened'] }),
      new RecordingSubscriber('odd', log, {
        accepts: (payload) => {
          if (payload.n === 'bad') throw new Error('cannot route');
          return Number(payload.n) % 2 === 1;
        },
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('writes deliveries only for the events each subscriber receives, and keeps their order', async () => {
    const tenant = newTenant();
    const aggregate = randomUUID();
    const silent = randomUUID();
    const event = (aggregateId: string, n: number, type = 'test.happened') =>
      new TestEvent(tenant, aggregateId, t.clock.now(), type, { n });
    await t.tx.run(() =>
      t.outbox.append(
        [1, 2, 3, 4, 5].map((n) => event(aggregate, n)).concat(event(silent, 2, 'test.silent')),
      ),
    );

    const { fannedOut } = await t.relay.pollOnce();
    expect(fannedOut).toBe(6);
    const pendingOrDone = await t.tx.query<{ subscriber: string; n: number }>(
      `SELECT subscriber, count(*)::int AS n FROM outbox_deliveries WHERE client_id = $1
        GROUP BY subscriber ORDER BY subscriber`,
      [tenant],
    );
    // Delivered in this round or still pending: either way, never written for a refused event.
    const delivered = (subscriber: string) =>
      log.filter((s) => s.subscriber === subscriber && s.aggregateId === aggregate).length;
    expect(
      Object.fromEntries(pendingOrDone.map((r) => [r.subscriber, r.n + delivered(r.subscriber)])),
    ).toMatchObject({ odd: 3, typed: 5 });

    await t.relay.drain();
    expect(lanes(log, 'typed').get(aggregate)).toEqual([1, 2, 3, 4, 5]);
    expect(lanes(log, 'odd').get(aggregate)).toEqual([1, 3, 5]);
    expect(lanes(log, 'odd').get(silent)).toBeUndefined();
    expect(lanes(log, 'typed').get(silent)).toBeUndefined();
    const unpublished = await t.tx.query(
      `SELECT seq FROM outbox WHERE client_id = $1 AND published_at IS NULL`,
      [tenant],
    );
    expect(unpublished).toEqual([]);
  });

  it('delivers an event whose routing throws, so the fan-out of the others goes on', async () => {
    const tenant = newTenant();
    const [odd, bad] = [randomUUID(), randomUUID()];
    await t.tx.run(() =>
      t.outbox.append([
        new TestEvent(tenant, bad, t.clock.now(), 'test.other', { n: 'bad' }),
        new TestEvent(tenant, odd, t.clock.now(), 'test.other', { n: 1 }),
      ]),
    );
    await t.relay.drain();
    expect(lanes(log, 'odd').get(bad)).toEqual([1]);
    expect(lanes(log, 'odd').get(odd)).toEqual([1]);
  });
});
