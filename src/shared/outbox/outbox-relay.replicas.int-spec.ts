import { randomUUID } from 'node:crypto';
import { registerEngineGuard } from '../../../test/proof/support/service-process';
import {
  BatchRecordingSubscriber,
  createRelayTestModule,
  lanes,
  oneToN,
  RecordingSubscriber,
  RelayTestModule,
  Seen,
  TestEvent,
} from '../../../test/support/outbox-relay-test-module';
import { eventually } from '../../../test/support/queue-test-module';
import { newTenant } from '../../../test/support/test-env';
import {
  POSTGRES_URL,
  privateDatabase,
  type PrivateDatabase,
} from '../../../test/support/scratch-database';

const AGGREGATES = 40;
const EVENTS_EACH = 15;
const WRITERS = 8;

/**
 * Two relays (two Nest modules, two pools) running their loops on one PostgreSQL database while
 * eight writers commit events through both: each subscriber gets every event exactly once, and
 * each aggregate's events in sequence order, whichever relay delivers them.
 */
registerEngineGuard('Two outbox relays');

if (POSTGRES_URL) {
  describe('Two outbox relays on one database (integration, PostgreSQL)', () => {
    let db: PrivateDatabase;
    const relays: RelayTestModule[] = [];
    const log: Seen[] = [];

    beforeAll(async () => {
      db = await privateDatabase('outbox_replicas');
      for (const instance of ['A', 'B']) {
        relays.push(
          await createRelayTestModule(
            db.url,
            [
              new RecordingSubscriber('recorder', log, { instance, delayMs: 1 }),
              new RecordingSubscriber('counter', log, { instance }),
              // Takes batches: claims run several events deep into a lane.
              new BatchRecordingSubscriber('batcher', log, { instance }),
            ],
            { enabled: true, pollIntervalMs: 20, batchSize: 10 },
          ),
        );
      }
    }, 120_000);
    afterAll(async () => {
      await Promise.all(relays.map((r) => r.close()));
      await db?.drop();
    });

    it('delivers every event exactly once per subscriber, in per-aggregate order', async () => {
      const tenant = newTenant();
      const aggregates = Array.from({ length: AGGREGATES }, () => randomUUID());
      const writes = aggregates.flatMap((aggregate) =>
        Array.from({ length: EVENTS_EACH }, () => aggregate),
      );
      // Shuffled, so each aggregate's transactions race with each other and with the relays.
      writes.sort(() => Math.random() - 0.5);
      let next = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          const { tx, outbox, clock } = relays[writer % 2];
          while (next < writes.length) {
            const aggregate = writes[next++];
            await tx.run(() => outbox.append([new TestEvent(tenant, aggregate, clock.now())]));
          }
        }),
      );
      const total = AGGREGATES * EVENTS_EACH;
      const [{ tx }] = relays;
      await eventually(async () => {
        const [{ unpublished }] = await tx.query<{ unpublished: number }>(
          `SELECT count(*)::int AS unpublished FROM outbox
            WHERE client_id = $1 AND published_at IS NULL`,
          [tenant],
        );
        expect(unpublished).toBe(0);
      }, 60_000);

      for (const subscriber of ['recorder', 'counter', 'batcher']) {
        const seen = log.filter((s) => s.subscriber === subscriber);
        expect(seen).toHaveLength(total);
        expect(new Set(seen.map((s) => s.eventId)).size).toBe(total);
        const inOrder = lanes(log, subscriber);
        for (const aggregate of aggregates)
          expect(inOrder.get(aggregate)).toEqual(oneToN(EVENTS_EACH));
      }
      const byInstance = (instance: string) => log.filter((s) => s.instance === instance).length;
      expect(byInstance('A')).toBeGreaterThan(0);
      expect(byInstance('B')).toBeGreaterThan(0);
      const [{ pending }] = await tx.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM outbox_deliveries WHERE client_id = $1`,
        [tenant],
      );
      expect(pending).toBe(0);
      process.stdout.write(
        `[outbox] ${total} events × 3 subscribers: relay A delivered ${byInstance('A')}, B ${byInstance('B')}\n`,
      );
    }, 120_000);
  });
}
