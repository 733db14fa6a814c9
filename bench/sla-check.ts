/*
 * The SLA check at scale on PostgreSQL: wall time, peak RSS and SQL statements of one all-tenant
 * run (what the built-in job does), beside one hand-written set-based statement doing the same
 * marking on a copy of the same data, in the same run.
 *
 *   npx ts-node bench/sla-check.ts --cases 100000 --due-percent 1 \
 *     --database-url postgresql://postgres@127.0.0.1:5432/<db> [--tenants 4] [--keep]
 *
 * Works in a throwaway schema of that database (dropped at the end unless --keep): migrates it,
 * inserts the open cases and one SLA instance each set-based (`--due-percent` of them past their
 * warning, half of those past their breach too), ANALYZEs, copies the marking columns for the
 * baseline, then boots the application (no HTTP, jobs off) and runs SlaCheck once.
 *
 * The check does more than the baseline per mark: an activity entry, an outbox event and the
 * notifications (recorded; their delivery is the notification dispatcher's, stubbed out here).
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import { applyBenchEnv, Args, benchSchema, check, log, mb, writeReport } from './support';

interface Options {
  cases: number;
  duePercent: number;
  databaseUrl: string;
  tenants: number;
  keep: boolean;
}

const NOW = new Date('2026-03-02T12:00:00.000Z');

function parseArgs(args: Args): Options {
  const options = {
    cases: args.number('cases', 100_000),
    duePercent: args.number('due-percent', 1),
    databaseUrl: args.databaseUrl(),
    tenants: args.number('tenants', 4),
    keep: args.flag('keep'),
  };
  check(
    options.cases >= 100 && options.duePercent > 0 && options.duePercent <= 100,
    'need --cases >= 100 and 0 < --due-percent <= 100',
  );
  return options;
}
/** Counts every statement any pg client of this process sends while `counting` is on. */
const statements = { counting: false, count: 0 };
const originalQuery = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  if (statements.counting) statements.count += 1;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

/** Samples the resident set size while `work` runs. */
async function measure<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const before = peak;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  statements.count = 0;
  statements.counting = true;
  const t0 = process.hrtime.bigint();
  try {
    const result = await work();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { result, ms, statements: statements.count, rssBefore: before, rssPeak: peak };
  } finally {
    statements.counting = false;
    clearInterval(timer);
  }
}

async function seed(db: DataSource, options: Options): Promise<void> {
  const perTenant = Math.ceil(options.cases / options.tenants);
  const every = Math.round(100 / options.duePercent);
  for (let i = 0; i < options.tenants; i++) {
    const tenant = `bench${i}`;
    const count = Math.min(perTenant, options.cases - i * perTenant);
    const builder = new CaseRowBuilder(db, tenant);
    const typeId = await builder.caseType('Incident');
    const definition = { id: 'response', name: 'Response', warnAfterMinutes: 60 };
    await db.query(`UPDATE case_types SET slas = $2::jsonb WHERE id = $1`, [
      typeId,
      JSON.stringify([{ ...definition, breachAfterMinutes: 240, pauseInStates: ['ON_HOLD'] }]),
    ]);
    const t0 = Date.now();
    // Every `every`-th case is past its warning (created 2 h ago); every other one of those is
    // past its breach too (created 5 h ago). The rest were created a minute ago.
    await db.query(
      `WITH c AS (
         INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                            initiator_id, initiator_type, assigned_to_users, assigned_to_groups,
                            watchers, created_by, created_at, updated_by, updated_at)
         SELECT gen_random_uuid(), $1, g, 'CM' || $1 || '-' || g, $2,
                (ARRAY['NEW', 'OPENED', 'IN_PROCESS', 'REOPENED'])[1 + g % 4], 'Case ' || g,
                'user' || g % 997, 'USER', ARRAY['agent' || g % 50], ARRAY['group' || g % 8],
                ARRAY['watcher' || g % 31],
                'bench', created, 'bench', created
           FROM generate_series(1, $3::int) g,
                LATERAL (SELECT $4::timestamptz - CASE
                    WHEN g % $5 = 0 AND g % (2 * $5) = 0 THEN interval '5 hours'
                    WHEN g % $5 = 0 THEN interval '2 hours'
                    ELSE interval '1 minute' END AS created) t
         RETURNING id, created_at)
       INSERT INTO sla_instances (id, client_id, case_id, sla_definition_id, name, warn_at,
                                  breach_at, pause_in_states, created_at)
       SELECT gen_random_uuid(), $1, c.id, 'response', 'Response', c.created_at + interval '1 hour',
              c.created_at + interval '4 hours', '{ON_HOLD}', c.created_at
         FROM c`,
      [tenant, typeId, count, NOW, every],
    );
    await db.query(`INSERT INTO case_counters (client_id, last_seq) VALUES ($1, $2)`, [
      tenant,
      count,
    ]);
    log(`tenant ${tenant}: ${count} open cases with one SLA each in ${Date.now() - t0} ms`);
  }
  await db.query('ANALYZE cases, sla_instances, case_types');
}

/** The baseline's data: the marking columns of both tables, copied, with the same access paths. */
async function copyForBaseline(db: DataSource): Promise<void> {
  await db.query(`CREATE TABLE baseline_cases AS SELECT id, state, message_warned_slas FROM cases`);
  await db.query(`ALTER TABLE baseline_cases ADD PRIMARY KEY (id)`);
  await db.query(
    `CREATE TABLE baseline_sla AS
       SELECT id, case_id, warn_at, breach_at, warned_at, violated_at, paused_at, next_mark_at
         FROM sla_instances`,
  );
  await db.query(
    `CREATE INDEX ix_baseline_sla_next_mark ON baseline_sla (next_mark_at, id) WHERE next_mark_at IS NOT NULL`,
  );
  await db.query('ANALYZE baseline_cases, baseline_sla');
}

/** The same marking as the check, as one statement: warned_at / violated_at, then messageWarnedSLAs. */
const BASELINE_SQL = `
  WITH marked AS (
    UPDATE baseline_sla s
       SET warned_at = CASE WHEN s.warned_at IS NULL AND s.warn_at <= LEAST($1, COALESCE(s.paused_at, $1))
                            THEN $1 ELSE s.warned_at END,
           violated_at = CASE WHEN s.violated_at IS NULL AND s.breach_at <= LEAST($1, COALESCE(s.paused_at, $1))
                              THEN $1 ELSE s.violated_at END
      FROM baseline_cases c
     WHERE s.next_mark_at <= $1 AND c.id = s.case_id AND c.state NOT IN ('COMPLETED', 'CANCELED')
    RETURNING s.id, s.case_id, s.warned_at = $1 AS warned, s.violated_at = $1 AS violated),
  appended AS (
    UPDATE baseline_cases c SET message_warned_slas = c.message_warned_slas || m.ids
      FROM (SELECT case_id, array_agg(id::text) AS ids FROM marked WHERE warned GROUP BY case_id) m
     WHERE c.id = m.case_id
    RETURNING c.id)
  SELECT (SELECT count(*)::int FROM marked WHERE warned) AS warned,
         (SELECT count(*)::int FROM marked WHERE violated) AS violated,
         (SELECT count(*)::int FROM appended) AS cases`;

async function startApp(url: string): Promise<INestApplicationContext> {
  applyBenchEnv(url);
  // Imported only now: ConfigModule.forRoot reads and validates the environment on import.
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { Clock } = await import('../src/shared/time/clock');
  const { NotificationDispatcher } =
    await import('../src/shared/notifications/notification-dispatcher');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  (app.get(Clock) as { now: () => Date }).now = () => new Date(NOW.getTime());
  app.get(NotificationDispatcher).dispatchSoon = () => undefined;
  return app;
}

async function main(): Promise<void> {
  const options = parseArgs(new Args());
  const schema = await benchSchema(options.databaseUrl, 'bench_sla', options.keep);
  const url = schema.url;
  let app: INestApplicationContext | undefined;
  const client = new Client({ connectionString: url });
  try {
    const db = await new DataSource(dataSourceOptions({ url }, 4)).initialize();
    await migrate(db);
    log(`inserting ${options.cases} open cases, ${options.duePercent} % due`);
    await seed(db, options);
    await copyForBaseline(db);
    await db.destroy();
    await client.connect();
    const { rows: due } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sla_instances WHERE next_mark_at <= $1`,
      [NOW],
    );
    log(`${due[0].n} SLA instances due; booting the application`);

    app = await startApp(url);
    const { SlaCheck } = await import('../src/modules/sla/checks/sla-check/sla-check');
    const check = app.get(SlaCheck);
    log('running SlaCheck (all tenants, as the job does)');
    const run = await measure(() => check.run({ continueOnError: true }));
    log('running the hand-written set-based statement on the copy');
    const baseline = await measure(() => client.query(BASELINE_SQL, [NOW]));

    const { rows: diff } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sla_instances s JOIN baseline_sla b USING (id)
        WHERE (s.warned_at IS NULL) <> (b.warned_at IS NULL)
           OR (s.violated_at IS NULL) <> (b.violated_at IS NULL)`,
    );
    const { rows: written } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM case_activities WHERE type LIKE 'sla.%') AS activities,
              (SELECT count(*)::int FROM outbox WHERE type LIKE 'sla.%') AS events,
              (SELECT count(*)::int FROM notifications) AS notifications`,
    );
    const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id, case_id, next_mark_at::text AS c FROM sla_instances
        WHERE next_mark_at IS NOT NULL AND next_mark_at <= $1 ORDER BY next_mark_at, id LIMIT 500`,
      [NOW],
    );
    process.stdout.write(
      `\n--- EXPLAIN (ANALYZE, BUFFERS): the check's batch window (after the run)\n` +
        `${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`,
    );

    const b = baseline.result.rows[0] as { warned: number; violated: number; cases: number };
    process.stdout.write(
      `\n=== SLA check · ${options.cases} open cases over ${options.tenants} tenants · ` +
        `${due[0].n} SLAs due (${options.duePercent} %)\n` +
        `SlaCheck.run     ${run.ms.toFixed(0)} ms · ${run.statements} SQL statements · ` +
        `RSS ${mb(run.rssBefore)} → peak ${mb(run.rssPeak)} · ` +
        `${JSON.stringify(run.result)}\n` +
        `                 + ${written[0].activities} activity entries, ${written[0].events} outbox ` +
        `events, ${written[0].notifications} notifications recorded\n` +
        `baseline UPDATE  ${baseline.ms.toFixed(0)} ms · ${baseline.statements} SQL statement · ` +
        `warned ${b.warned}, violated ${b.violated}, cases ${b.cases}\n` +
        `ratio check/baseline ${(run.ms / baseline.ms).toFixed(1)}× wall time · ` +
        `instances marked differently: ${diff[0].n}\n`,
    );
    if (diff[0].n !== 0) process.exitCode = 1;
    const ratio = run.ms / baseline.ms;
    await writeReport('sla-check', options.databaseUrl, {
      options,
      results: {
        due: due[0].n,
        check: {
          ms: run.ms,
          statements: run.statements,
          rssBefore: run.rssBefore,
          rssPeak: run.rssPeak,
          summary: run.result,
        },
        written: written[0],
        baseline: { ms: baseline.ms, statements: baseline.statements, ...b },
        ratio,
        markedDifferently: diff[0].n,
      },
      rows: [
        {
          benchmark: 'SLA check (all tenants)',
          size: `${options.cases} open cases, ${due[0].n} due`,
          app: `${run.ms.toFixed(0)} ms, ${run.statements} statements, peak RSS ${mb(run.rssPeak)}`,
          baseline: `${baseline.ms.toFixed(0)} ms, ${baseline.statements} statement (set-based UPDATE)`,
          ratio: `${ratio.toFixed(1)}× wall time`,
        },
      ],
    });
  } finally {
    await app?.close();
    await client.end().catch(() => undefined);
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
