/*
 * The SLA check at scale on PostgreSQL: wall time, SQL statements and peak RSS of one run of the
 * SLA check job (every tenant with SLA work due, as the cron runs it) in the compiled service,
 * beside a hand-written set-based statement making the same writes on a copy of the same data,
 * in the same run.
 *
 *   npm run build && npx ts-node bench/sla-check.ts --cases 100000 --due-percent 1 \
 *     --database-url postgresql://postgres@127.0.0.1:5432/<db> [--tenants 4] [--rounds 3] \
 *     [--keep] [--cpu-profile <file.cpuprofile>] [--dist <dir>]
 *
 * Works in two throwaway schemas of that database (dropped at the end unless --keep), both
 * migrated: the application's gets the open cases and one SLA instance each, set-based
 * (`--due-percent` of them past their warning, half of those past their breach too), and is
 * copied into the baseline's. The application side is `node` on `dist/` (bench/sla-check.child.ts,
 * run without ts-node: build first) with its outbox relay off, so the figures are the check's own
 * transactions; its peak RSS is the child's VmHWM over the run. The baseline
 * (bench/sla-check.baseline.ts) writes what those transactions write: the marks, the cases'
 * message_warned_slas and SLA summary, the outbox events with their per-case sequence, the
 * activity entries. Both sides' rows are then counted and compared row by row. Each round undoes
 * both sides' writes first (bench/sla-check.sides.ts) and alternates which side goes first; the
 * medians are reported. `--cpu-profile` writes the check's CPU profile (the run, not the boot).
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import { BASELINE_SQL, copySchema, DIFF_SQL, WRITTEN_SQL } from './sla-check.baseline';
import { resetRun, runChild } from './sla-check.sides';
import { applyBenchEnv, Args, benchSchema, check, log, mb, writeReport } from './support';

interface Options {
  cases: number;
  duePercent: number;
  databaseUrl: string;
  tenants: number;
  keep: boolean;
  rounds: number;
  dist: string;
  cpuProfile?: string;
}

const NOW = new Date('2026-03-02T12:00:00.000Z');

function parseArgs(args: Args): Options {
  const options = {
    cases: args.number('cases', 100_000),
    duePercent: args.number('due-percent', 1),
    databaseUrl: args.databaseUrl(),
    tenants: args.number('tenants', 4),
    keep: args.flag('keep'),
    rounds: args.number('rounds', 3),
    dist: resolve(args.value('dist') ?? join(__dirname, '..', 'dist')),
    cpuProfile: args.value('cpu-profile'),
  };
  check(
    options.cases >= 100 && options.duePercent > 0 && options.duePercent <= 100,
    'need --cases >= 100 and 0 < --due-percent <= 100',
  );
  check(
    existsSync(join(options.dist, 'app.module.js')),
    `no compiled service in ${options.dist}: run \`npm run build\` first`,
  );
  return options;
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
                            watchers, created_by, created_at, updated_by, updated_at,
                            sla_due_at)
         SELECT gen_random_uuid(), $1, g, 'CM' || $1 || '-' || g, $2,
                (ARRAY['NEW', 'OPENED', 'IN_PROCESS', 'REOPENED'])[1 + g % 4], 'Case ' || g,
                'user' || g % 997, 'USER', ARRAY['agent' || g % 50], ARRAY['group' || g % 8],
                ARRAY['watcher' || g % 31],
                'bench', created, 'bench', created, created + interval '4 hours'
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

async function prepare(url: string, options: Options, seedIt: boolean): Promise<void> {
  const db = await new DataSource(dataSourceOptions({ url }, 4)).initialize();
  try {
    await migrate(db);
    if (seedIt) await seed(db, options);
  } finally {
    await db.destroy();
  }
}

async function runBaseline(client: Client): Promise<{ ms: number; rows: Record<string, number> }> {
  const t0 = process.hrtime.bigint();
  await client.query('BEGIN');
  const { rows } = await client.query<Record<string, number>>(BASELINE_SQL, [NOW]);
  await client.query('COMMIT');
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rows: rows[0] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One round: both sides on the same due work (in the given order), then what each wrote. */
async function round(
  options: Options,
  admin: Client,
  baselineClient: Client,
  schemas: { app: string; copy: string },
  appFirst: boolean,
) {
  const sides = {
    app: () => runChild(options, NOW),
    baseline: () => runBaseline(baselineClient),
  };
  const first = appFirst ? await sides.app() : await sides.baseline();
  const second = appFirst ? await sides.baseline() : await sides.app();
  const run = (appFirst ? first : second) as Awaited<ReturnType<typeof runChild>>;
  const baseline = (appFirst ? second : first) as Awaited<ReturnType<typeof runBaseline>>;
  const written = [];
  for (const schema of [schemas.app, schemas.copy]) {
    written.push((await admin.query<Record<string, number>>(WRITTEN_SQL(schema), [NOW])).rows[0]);
  }
  const diff = (await admin.query<Record<string, number>>(DIFF_SQL(schemas.app, schemas.copy)))
    .rows[0];
  const differing = Object.values(diff).reduce((a, b) => a + b, 0);
  return { run, baseline, written, diff, differing, ratio: run.ms / baseline.ms };
}

async function main(): Promise<void> {
  const options = parseArgs(new Args());
  const app = await benchSchema(options.databaseUrl, 'bench_sla', options.keep);
  const copy = await benchSchema(options.databaseUrl, 'bench_sla_base', options.keep);
  const admin = new Client({ connectionString: options.databaseUrl });
  const baselineClient = new Client({ connectionString: copy.url });
  try {
    log(`inserting ${options.cases} open cases, ${options.duePercent} % due`);
    await prepare(app.url, options, true);
    await prepare(copy.url, options, false);
    await admin.connect();
    const copied = await copySchema(admin, app.schema, copy.schema);
    log(`copied ${copied.join(', ')} into ${copy.schema} for the baseline`);
    // Both sides start from settled tables (hint bits set, visibility map built), as a
    // production database's old open cases are, rather than from freshly inserted pages.
    for (const schema of [app.schema, copy.schema]) {
      await admin.query(`VACUUM (ANALYZE) ${schema}.cases, ${schema}.sla_instances`);
    }
    const { rows: due } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${app.schema}.sla_instances WHERE next_mark_at <= $1`,
      [NOW],
    );
    applyBenchEnv(app.url);
    await baselineClient.connect();
    const rounds = [];
    for (let i = 0; i < options.rounds; i++) {
      if (i > 0) {
        await resetRun(admin, app.schema);
        await resetRun(admin, copy.schema);
      }
      const appFirst = i % 2 === 0;
      log(
        `round ${i + 1}: ${due[0].n} SLA instances due; ${appFirst ? 'check first' : 'baseline first'}`,
      );
      const r = await round(
        options,
        admin,
        baselineClient,
        { app: app.schema, copy: copy.schema },
        appFirst,
      );
      log(
        `round ${i + 1}: check ${r.run.ms.toFixed(0)} ms (${r.run.statements} statements, peak RSS ` +
          `${mb(r.run.rssPeak)}), baseline ${r.baseline.ms.toFixed(0)} ms: ${r.ratio.toFixed(2)}×` +
          (r.differing ? `, ${r.differing} rows DIFFER ${JSON.stringify(r.diff)}` : ', same rows'),
      );
      rounds.push(r);
    }
    const last = rounds[rounds.length - 1];
    const appMs = median(rounds.map((r) => r.run.ms));
    const baseMs = median(rounds.map((r) => r.baseline.ms));
    const ratio = median(rounds.map((r) => r.ratio));
    const peak = Math.max(...rounds.map((r) => r.run.rssPeak));
    const differing = rounds.reduce((n, r) => n + r.differing, 0);
    const w = last.written[1];
    process.stdout.write(
      `\n=== SLA check · ${options.cases} open cases over ${options.tenants} tenants · ` +
        `${due[0].n} SLAs due (${options.duePercent} %) · ${options.rounds} round(s), medians\n` +
        `SlaCheckJob.run (node dist/)  ${appMs.toFixed(0)} ms · ${last.run.statements} SQL ` +
        `statements · RSS ${mb(last.run.rssBoot)} after boot → peak ${mb(peak)}` +
        `${last.run.peakReset ? '' : ' (peak since start)'} · ${JSON.stringify(last.run.result)}\n` +
        `baseline (one statement)      ${baseMs.toFixed(0)} ms · ${JSON.stringify(last.baseline.rows)}\n` +
        `rows written  app      ${JSON.stringify(last.written[0])}\n` +
        `              baseline ${JSON.stringify(w)}\n` +
        `rows differing (app vs baseline, by table, last round): ${JSON.stringify(last.diff)}\n` +
        `ratio check/baseline ${ratio.toFixed(2)}× wall time (rounds ` +
        `${rounds.map((r) => `${r.ratio.toFixed(2)}×`).join(', ')})\n`,
    );
    const slowest = Object.entries(last.run.statementTimes).sort((a, b) => b[1].ms - a[1].ms);
    process.stdout.write(
      `the check's statements by time, last round (send to reply; n, ms):\n${slowest
        .slice(0, 12)
        .map(([sql, t]) => `  ${String(t.n).padStart(4)} ${t.ms.toFixed(0).padStart(6)}  ${sql}`)
        .join('\n')}\n`,
    );
    if (differing !== 0) process.exitCode = 1;
    await writeReport('sla-check', options.databaseUrl, {
      options,
      results: { due: due[0].n, rounds, medians: { appMs, baseMs, ratio }, peakRss: peak },
      rows: [
        {
          benchmark: 'SLA check job (all tenants, `node dist/`)',
          size: `${options.cases} open cases, ${due[0].n} due, median of ${options.rounds}`,
          app: `${appMs.toFixed(0)} ms, ${last.run.statements} statements, peak RSS ${mb(peak)}`,
          baseline:
            `${baseMs.toFixed(0)} ms, 1 statement: the same ${w.warned} + ${w.violated} marks, ` +
            `case summaries, ${w.events} outbox events (sequenced), ${w.activities} activity entries`,
          ratio:
            `${ratio.toFixed(2)}× wall time (rounds ${rounds.map((r) => `${r.ratio.toFixed(2)}×`).join(', ')})` +
            (differing ? `, ${differing} rows DIFFER` : ''),
        },
      ],
    });
  } finally {
    await baselineClient.end().catch(() => undefined);
    await admin.end().catch(() => undefined);
    await copy.drop();
    await app.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
