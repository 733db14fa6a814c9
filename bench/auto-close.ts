/*
 * Auto-close of N eligible cases through the embedded queue (EnqueueAutoClose, then the in-process
 * consumer drained until empty) beside the same Complete commands run directly through the
 * CommandBus, on the same database, in the same run.
 *
 *   npx ts-node bench/auto-close.ts --database-url postgresql://postgres@127.0.0.1:5432/<db> \
 *     [--eligible 10000] [--batch-size 10] [--rounds 3] [--keep]
 *
 * Two tenants per round get N RESOLVED cases each, resolved 3 h before the bench's fixed "now",
 * in a case type that auto-closes after 2 h. The queue side walks its tenant as the job does (500 eligible
 * cases per query and enqueue) and the consumer claims `--batch-size` messages at a time; the
 * direct side walks the same eligibility query 500 at a time and sends each case's
 * CompleteCaseCommand (system actor, guarded by the resolution date) one after another, as the
 * consumer does. Each of `--rounds` rounds (fresh tenants) runs both, the order alternating; the
 * report gives the medians. Every case must end COMPLETED exactly once.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import { applyBenchEnv, Args, benchSchema, check, log, writeReport } from './support';

const args = new Args();
const options = {
  eligible: args.number('eligible', 10_000),
  batchSize: args.number('batch-size', 10),
  rounds: args.number('rounds', 3),
  keep: args.flag('keep'),
};
check(
  options.eligible >= 1 && options.batchSize >= 1 && options.rounds >= 1,
  'need --eligible >= 1, --batch-size >= 1, --rounds >= 1',
);

const NOW = new Date('2026-03-02T12:00:00.000Z');
/** EnqueueAutoClose's batch: both sides select the eligible cases 500 at a time. */
const SELECT_BATCH = 500;

async function seed(db: DataSource, tenant: string): Promise<void> {
  const typeId = await new CaseRowBuilder(db, tenant).caseType('Incident');
  await db.query(`UPDATE case_types SET auto_close_hours = 2 WHERE id = $1`, [typeId]);
  await db.query(
    `INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                        initiator_id, initiator_type, resolution, resolved_by, resolution_date,
                        created_by, created_at, updated_by, updated_at)
     SELECT gen_random_uuid(), $1, g, 'CM' || $1 || '-' || g, $2, 'RESOLVED', 'Case ' || g,
            'user' || g % 97, 'USER', 'Fixed', 'agent', $4::timestamptz - interval '3 hours'
              + g * interval '1 millisecond',
            'bench', $4::timestamptz - interval '1 day', 'agent',
            $4::timestamptz - interval '3 hours' + g * interval '1 millisecond'
       FROM generate_series(1, $3::int) g`,
    [tenant, typeId, options.eligible, NOW],
  );
  await db.query(`INSERT INTO case_counters (client_id, last_seq) VALUES ($1, $2)`, [
    tenant,
    options.eligible,
  ]);
}

/** The application without HTTP, its clock fixed at NOW, a queue of its own, no polling loop. */
async function startApp(url: string): Promise<INestApplicationContext> {
  applyBenchEnv(url);
  // Imported only now: ConfigModule.forRoot reads and validates the environment on import.
  const { Test } = await import('@nestjs/testing');
  const { AppModule } = await import('../src/app.module');
  const { queueConfig } = await import('../src/config/configuration');
  const { QueueSettings } = await import('../src/shared/queue/queue.settings');
  const { Clock, FixedClock } = await import('../src/shared/time/clock');
  const { NotificationDispatcher } =
    await import('../src/shared/notifications/notification-dispatcher');
  const settings = {
    ...QueueSettings.from({ ...queueConfig(), consumersEnabled: true }),
    queueName: `bench-auto-close-${randomUUID()}`,
    pollIntervalMs: 0,
    batchSize: options.batchSize,
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(new FixedClock(NOW))
    .overrideProvider(QueueSettings)
    .useValue(settings)
    .setLogger({ log() {}, error() {}, warn() {} })
    .compile();
  const app = await moduleRef.init();
  app.get(NotificationDispatcher).dispatchSoon = () => undefined;
  return app;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<void> {
  const databaseUrl = args.databaseUrl();
  const schema = await benchSchema(databaseUrl, 'bench_autoclose', options.keep);
  let db: DataSource | undefined;
  let app: INestApplicationContext | undefined;
  try {
    db = await new DataSource(dataSourceOptions({ url: schema.url }, 2)).initialize();
    await migrate(db);
    const rounds = Array.from({ length: options.rounds }, (_, r) => ({
      queue: `autoclose_queue${r}`,
      direct: `autoclose_direct${r}`,
    }));
    log(`inserting ${options.eligible} resolved cases in each of ${2 * options.rounds} tenants`);
    for (const round of rounds) {
      await seed(db, round.queue);
      await seed(db, round.direct);
    }
    await db.query('ANALYZE cases, case_types');

    app = await startApp(schema.url);
    const { CommandBus } = await import('@nestjs/cqrs');
    const { Actor } = await import('../src/shared/auth/actor');
    const { TransactionManager } = await import('../src/shared/database/transaction-manager');
    const { EmbeddedQueueConsumer } =
      await import('../src/shared/queue/embedded/embedded-queue.consumer');
    const { EnqueueAutoClose } =
      await import('../src/modules/auto-close/enqueue-auto-close/enqueue-auto-close');
    const { eligibleCases } = await import('../src/modules/auto-close/queries/eligible-cases.sql');
    const { CompleteCaseCommand } =
      await import('../src/modules/cases/commands/complete-case/complete-case.command');
    const bus = app.get(CommandBus);
    const tx = app.get(TransactionManager);

    const throughQueue = async (tenant: string) => {
      const enqueue = await timed(() => app!.get(EnqueueAutoClose).run({ clientId: tenant }));
      const drain = await timed(() => app!.get(EmbeddedQueueConsumer).drain());
      log(
        `  queue: enqueued ${enqueue.result.enqueued} in ${enqueue.ms.toFixed(0)} ms, ` +
          `drained ${drain.result} in ${drain.ms.toFixed(0)} ms`,
      );
      return { ms: enqueue.ms + drain.ms, enqueueMs: enqueue.ms, drainMs: drain.ms };
    };
    const directly = async (tenant: string) => {
      const run = await timed(async () => {
        const actor = Actor.system(tenant);
        let after: [string, string] | undefined;
        for (;;) {
          const query = { clientId: tenant, now: NOW, limit: SELECT_BATCH, after };
          const rows = await eligibleCases(tx, query);
          for (const row of rows) {
            const ref = { id: row.caseId };
            await bus.execute(new CompleteCaseCommand(actor, ref, {}, row.resolutionDate));
          }
          if (rows.length < SELECT_BATCH) return;
          after = [rows[rows.length - 1].cursorAt, rows[rows.length - 1].caseId];
        }
      });
      log(`  CommandBus: ${options.eligible} Complete commands in ${run.ms.toFixed(0)} ms`);
      return { ms: run.ms };
    };

    const measured: { queueMs: number; directMs: number; queueFirst: boolean }[] = [];
    for (const [r, round] of rounds.entries()) {
      const queueFirst = r % 2 === 0;
      log(`round ${r + 1}/${options.rounds}: ${queueFirst ? 'queue first' : 'CommandBus first'}`);
      const first = queueFirst ? await throughQueue(round.queue) : await directly(round.direct);
      const second = queueFirst ? await directly(round.direct) : await throughQueue(round.queue);
      const [q, d] = queueFirst ? [first, second] : [second, first];
      measured.push({ queueMs: q.ms, directMs: d.ms, queueFirst });
    }

    const outcome = (await db.query(
      `SELECT c.client_id AS tenant, count(*) FILTER (WHERE c.state = 'COMPLETED')::int AS completed,
              (SELECT count(*)::int FROM case_activities a
                WHERE a.client_id = c.client_id AND a.type = 'case.completed') AS activities
         FROM cases c WHERE c.client_id LIKE 'autoclose_%' GROUP BY c.client_id ORDER BY 1`,
    )) as { tenant: string; completed: number; activities: number }[];
    check(
      outcome.length === 2 * options.rounds &&
        outcome.every((o) => o.completed === options.eligible && o.activities === options.eligible),
      `every case must be completed exactly once: ${JSON.stringify(outcome)}`,
    );
    log(`every case of the ${outcome.length} tenants completed exactly once`);

    const queued = median(measured.map((m) => m.queueMs));
    const direct = median(measured.map((m) => m.directMs));
    const ratio = queued / direct;
    const perCase = (ms: number) => `${((ms / options.eligible) * 1000).toFixed(0)} µs/case`;
    const rounded = measured.map((m) => ({
      queueMs: Math.round(m.queueMs),
      directMs: Math.round(m.directMs),
      ratio: Number((m.queueMs / m.directMs).toFixed(2)),
      queueFirst: m.queueFirst,
    }));
    process.stdout.write(
      `\n=== auto-close of ${options.eligible} eligible cases · median of ${options.rounds} rounds, ` +
        `order alternating\n` +
        `embedded queue   ${queued.toFixed(0)} ms · ${perCase(queued)}\n` +
        `CommandBus       ${direct.toFixed(0)} ms · ${perCase(direct)}\n` +
        `ratio queue/direct ${ratio.toFixed(2)}× (rounds: ${rounded.map((m) => `${m.ratio}×`).join(', ')})\n`,
    );
    await writeReport('auto-close', databaseUrl, {
      options,
      results: { medianQueueMs: queued, medianDirectMs: direct, ratio, rounds: rounded, outcome },
      rows: [
        {
          benchmark: 'auto-close (embedded queue)',
          size: `${options.eligible} eligible cases, median of ${options.rounds} rounds`,
          app: `${(queued / 1000).toFixed(2)} s (${perCase(queued)})`,
          baseline: `${(direct / 1000).toFixed(2)} s (${perCase(direct)}, CommandBus)`,
          ratio:
            `${ratio.toFixed(2)}× wall time ` +
            `(rounds ${rounded.map((m) => `${m.ratio.toFixed(2)}×`).join(', ')})`,
        },
      ],
    });
  } finally {
    await app?.close();
    await db?.destroy();
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
