import { Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  createRelayTestModule,
  lanes,
  oneToN,
  RecordingSubscriber,
  RelayTestModule,
  Seen,
  TestEvent,
} from '../../../test/support/outbox-relay-test-module';
import { advance, eventually } from '../../../test/support/queue-test-module';
import { newTenant } from '../../../test/support/test-env';
import { TransactionManager } from '../database/transaction-manager';
import { Metrics } from '../operations/metrics';
import { OutboxEvent } from './outbox-event';
import { OutboxTap } from './outbox-tap';
import { privateDatabase, type PrivateDatabase } from '../../../test/support/scratch-database';

@EventsHandler(OutboxEvent)
class BusRecorder implements IEventHandler<OutboxEvent> {
  static readonly seen: OutboxEvent[] = [];

  handle(event: OutboxEvent): void {
    BusRecorder.seen.push(event);
  }
}

/** Records each batch it is handed; throws on a `test.tap-throws` event (after recording). */
@Injectable()
class RecordingTap extends OutboxTap {
  static readonly batches: OutboxEvent[][] = [];
  static readonly inTransaction: boolean[] = [];
  readonly name = 'recording-tap';

  constructor(private readonly tx: TransactionManager) {
    super();
  }

  observe(events: readonly OutboxEvent[]): void {
    RecordingTap.batches.push([...events]);
    RecordingTap.inTransaction.push(this.tx.inTransaction);
    if (events.some((e) => e.type === 'test.tap-throws')) throw new Error('tap refuses');
  }
}

const RETRY_BASE_MS = 1000;
const RETENTION_MS = 24 * 3_600_000;

describe('OutboxRelay (integration)', () => {
  let db: PrivateDatabase;
  let t: RelayTestModule;
  const log: Seen[] = [];
  /** Aggregates "picky" refuses while listed here. */
  const refused = new Set<string>();

  beforeAll(async () => {
    db = await privateDatabase('outbox_relay');
    t = await createRelayTestModule(
      db.url,
      [
        new RecordingSubscriber('all-types', log),
        new RecordingSubscriber('picky', log, {
          types: ['test.happened'],
          fail: (seen) => refused.has(seen.aggregateId),
        }),
      ],
      { retryBaseMs: RETRY_BASE_MS, retentionMs: RETENTION_MS, batchSize: 7 },
      [BusRecorder, RecordingTap],
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const append = (...events: TestEvent[]) => t.tx.run(() => t.outbox.append(events));
  const event = (tenant: string, aggregate: string, type = 'test.happened') =>
    new TestEvent(tenant, aggregate, t.clock.now(), type);
  const rowsOf = (tenant: string) =>
    t.tx.query<{ id: string; aggregate_id: string; seq: string; published_at: Date | null }>(
      `SELECT id, aggregate_id, seq, published_at FROM outbox WHERE client_id = $1
        ORDER BY aggregate_id, seq`,
      [tenant],
    );
  const deliveriesOf = (tenant: string) =>
    t.tx.query<{ aggregate_id: string; seq: string; attempts: number; available_at: Date }>(
      `SELECT aggregate_id, seq, attempts, available_at, last_error FROM outbox_deliveries
        WHERE client_id = $1 ORDER BY aggregate_id, seq`,
      [tenant],
    );

  it('numbers each aggregate 1..n under concurrent writers and delivers every event once per subscriber, in order', async () => {
    const tenant = newTenant();
    const aggregates: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const bus = () => BusRecorder.seen.filter((e) => e.clientId === tenant);
    // 3 aggregates × 8 transactions at once, each writing to one aggregate or two.
    await Promise.all(
      aggregates.flatMap((aggregate, i) =>
        Array.from({ length: 8 }, (_, n) =>
          n % 3 === 0
            ? append(event(tenant, aggregate), event(tenant, aggregates[(i + 1) % 3], 'test.other'))
            : append(event(tenant, aggregate)),
        ),
      ),
    );
    const written = await rowsOf(tenant);
    expect(written).toHaveLength(33);
    for (const aggregate of aggregates) {
      const seqs = written.filter((r) => r.aggregate_id === aggregate).map((r) => Number(r.seq));
      expect(seqs).toEqual(oneToN(11));
    }
    expect(bus()).toEqual([]);

    await t.relay.drain();

    const mine = log.filter((s) => aggregates.includes(s.aggregateId));
    const once = (subscriber: string) => mine.filter((s) => s.subscriber === subscriber);
    expect(new Set(once('all-types').map((s) => s.eventId)).size).toBe(33);
    expect(once('all-types')).toHaveLength(33);
    expect(once('picky')).toHaveLength(24);
    for (const aggregate of aggregates) {
      expect(lanes(mine, 'all-types').get(aggregate)).toEqual(oneToN(11));
      const handled = written.filter((r) => r.aggregate_id === aggregate).map((r) => Number(r.seq));
      const ofType = lanes(mine, 'picky').get(aggregate)!;
      expect(ofType).toEqual([...ofType].sort((a, b) => a - b));
      expect(ofType.every((seq) => handled.includes(seq))).toBe(true);
    }
    await eventually(() => expect(bus()).toHaveLength(33));
    expect(bus()[0]).toBeInstanceOf(OutboxEvent);
    expect((await rowsOf(tenant)).filter((r) => r.published_at === null)).toEqual([]);
    expect(await deliveriesOf(tenant)).toEqual([]);
  });

  it('hands taps each fanned-out batch in per-aggregate order, writes them no deliveries, and goes on when one throws', async () => {
    await t.relay.drain();
    RecordingTap.batches.length = 0;
    RecordingTap.inTransaction.length = 0;
    const tenant = newTenant();
    const [a, b] = [randomUUID(), randomUUID()];
    const counted = async () => {
      const text = await t.moduleRef.get(Metrics).registry.metrics();
      const line = text.split('\n').find((l) => l.startsWith('domain_events_total{type="test.x"}'));
      return Number(line?.split(' ')[1] ?? 0);
    };
    const before = await counted();
    await append(
      event(tenant, a, 'test.x'),
      event(tenant, b, 'test.x'),
      event(tenant, a, 'test.x'),
    );
    await append(event(tenant, b, 'test.tap-throws'), event(tenant, a, 'test.x'));

    const { fannedOut } = await t.relay.pollOnce();

    expect(fannedOut).toBe(5);
    const seen = RecordingTap.batches.flat().filter((e) => e.clientId === tenant);
    const lane = (aggregate: string) =>
      seen.filter((e) => e.aggregateId === aggregate).map((e) => e.sequence);
    expect(lane(a)).toEqual([1, 2, 3]);
    expect(lane(b)).toEqual([1, 2]);
    expect(seen[0]).toBeInstanceOf(OutboxEvent);
    // Before the fan-out commits, yet outside its transaction: a tap's queries would not join it.
    expect(RecordingTap.inTransaction).not.toContain(true);
    expect(await counted()).toBe(before + 4);
    const subscribers = await t.tx.query<{ subscriber: string }>(
      `SELECT DISTINCT subscriber FROM outbox_deliveries WHERE client_id = $1 ORDER BY subscriber`,
      [tenant],
    );
    expect(subscribers.map((r) => r.subscriber)).toEqual(['all-types']);

    // The throw lost nothing else: every row is fanned out, delivered and published.
    await t.relay.drain();
    expect(lanes(log, 'all-types').get(b)).toEqual([1, 2]);
    expect((await rowsOf(tenant)).filter((r) => r.published_at === null)).toEqual([]);
  });

  it('numbers in commit order: a writer of an aggregate waits for the open transaction before it, whose rollback leaves no gap', async () => {
    const tenant = newTenant();
    const aggregate = randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = t.tx.run(async () => {
      await t.outbox.append([event(tenant, aggregate)]);
      await gate;
      throw new Error('rolled back');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    let secondDone = false;
    const second = append(event(tenant, aggregate, 'test.second')).then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);

    release();
    await expect(first).rejects.toThrow('rolled back');
    await second;
    await append(event(tenant, aggregate, 'test.third'));
    const rows = await t.tx.query<{ type: string; seq: string }>(
      `SELECT type, seq FROM outbox WHERE client_id = $1 ORDER BY seq`,
      [tenant],
    );
    expect(rows).toEqual([
      { type: 'test.second', seq: '1' },
      { type: 'test.third', seq: '2' },
    ]);
  });

  it('holds a failing subscriber on its own lane and retries it with exponential backoff until it succeeds', async () => {
    const tenant = newTenant();
    await t.relay.drain();
    const [stuck, free] = [randomUUID(), randomUUID()];
    refused.add(stuck);
    for (let i = 0; i < 3; i++) await append(event(tenant, stuck), event(tenant, free));

    await t.relay.drain();
    const ofTenant = () => log.filter((s) => s.aggregateId === stuck || s.aggregateId === free);
    expect(lanes(ofTenant(), 'all-types')).toEqual(
      new Map([
        [stuck, [1, 2, 3]],
        [free, [1, 2, 3]],
      ]),
    );
    expect(lanes(ofTenant(), 'picky')).toEqual(new Map([[free, [1, 2, 3]]]));

    const failedAt = t.clock.now().getTime();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [head, ...rest] = await deliveriesOf(tenant);
      expect(head).toMatchObject({ aggregate_id: stuck, seq: '1', attempts: attempt });
      expect(rest.map((d) => d.seq)).toEqual(['2', '3']);
      // The rest of the lane (fanned out with its head: one batch) is held back with it.
      expect(rest.every((d) => d.available_at >= head.available_at)).toBe(true);
      waits.push(head.available_at.getTime() - t.clock.now().getTime());
      advance(t.clock, waits[waits.length - 1] - 1);
      expect(await t.relay.drain()).toBe(0);
      advance(t.clock, 1);
      if (attempt === 3) refused.delete(stuck);
      await t.relay.drain();
    }
    expect(waits).toEqual([RETRY_BASE_MS, 2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS]);
    expect(t.clock.now().getTime() - failedAt).toBe(7 * RETRY_BASE_MS);
    expect(lanes(ofTenant(), 'picky').get(stuck)).toEqual([1, 2, 3]);
    expect(await deliveriesOf(tenant)).toEqual([]);
    expect((await rowsOf(tenant)).filter((r) => r.published_at === null)).toEqual([]);
  });

  it('reports the backlog and the lag, overall and per subscriber, on /metrics', async () => {
    await t.relay.drain();
    const tenant = newTenant();
    const aggregate = randomUUID();
    refused.add(aggregate);
    await append(event(tenant, aggregate), event(tenant, aggregate), event(tenant, aggregate));
    advance(t.clock, 30_000);
    const scrape = async () => {
      const text = await t.moduleRef.get(Metrics).registry.metrics();
      const value = (series: string) =>
        Number(
          text
            .split('\n')
            .find((line) => line.startsWith(`${series} `))
            ?.split(' ')[1],
        );
      return {
        backlog: value('outbox_backlog_events'),
        lag: value('outbox_lag_seconds'),
        picky: value('outbox_pending_deliveries{subscriber="picky"}'),
        pickyLag: value('outbox_delivery_lag_seconds{subscriber="picky"}'),
        allTypes: value('outbox_pending_deliveries{subscriber="all-types"}'),
      };
    };
    expect(await scrape()).toEqual({ backlog: 3, lag: 30, picky: 0, pickyLag: 0, allTypes: 0 });

    await t.relay.drain();
    expect(await scrape()).toEqual({ backlog: 3, lag: 30, picky: 3, pickyLag: 30, allTypes: 0 });

    refused.delete(aggregate);
    advance(t.clock, RETRY_BASE_MS);
    await t.relay.drain();
    expect(await scrape()).toEqual({ backlog: 0, lag: 0, picky: 0, pickyLag: 0, allTypes: 0 });
  });

  it('purges published rows once they are older than the retention, and only those', async () => {
    const tenant = newTenant();
    const [done, pending] = [randomUUID(), randomUUID()];
    refused.add(pending);
    await append(event(tenant, done), event(tenant, pending));
    await t.relay.drain();
    const published = await t.tx.query<{ aggregate_id: string }>(
      `SELECT aggregate_id FROM outbox WHERE client_id = $1 AND published_at IS NOT NULL`,
      [tenant],
    );
    expect(published).toEqual([{ aggregate_id: done }]);
    const publishedAt = t.clock.now().getTime();
    advance(t.clock, 60_000);
    await append(event(tenant, done));
    await t.relay.drain();

    t.clock.set(new Date(publishedAt + RETENTION_MS));
    await t.relay.purge();
    const left = async () =>
      (await rowsOf(tenant)).map((r) => `${r.aggregate_id === done ? 'done' : 'pending'}#${r.seq}`);
    expect((await left()).sort()).toEqual(['done#1', 'done#2', 'pending#1']);

    advance(t.clock, 1);
    await t.relay.purge();
    expect((await left()).sort()).toEqual(['done#2', 'pending#1']);
    refused.delete(pending);
  });
});

describe('OutboxRelay wake-up (integration)', () => {
  let db: PrivateDatabase;
  let t: RelayTestModule;
  const log: Seen[] = [];

  beforeAll(async () => {
    db = await privateDatabase('outbox_wakeup');
    t = await createRelayTestModule(db.url, [new RecordingSubscriber('recorder', log)], {
      enabled: true,
      pollIntervalMs: 600_000,
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('delivers right after the commit instead of at the next poll', async () => {
    const aggregate = randomUUID();
    // The loop's first round has found nothing and sleeps for ten minutes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.tx.run(() => t.outbox.append([new TestEvent(newTenant(), aggregate, t.clock.now())]));
    await eventually(() => expect(lanes(log, 'recorder').get(aggregate)).toEqual([1]), 5000);
  });
});
