/*
 * Throughput and p99 of POST /api/v1/cases at 32 connections (autocannon), against the compiled
 * service (`node dist/main.js`, built first if needed) in a child process, beside a bare
 * `node:http` + `pg` server (bench/create-case-baseline.js, in a child process too) doing the same
 * writes in one transaction (case type lookup, counter, case row, activity entry, outbox event),
 * on the same database, in the same run. autocannon runs in this process.
 *
 *   npx ts-node bench/create-case.ts --database-url postgresql://postgres@127.0.0.1:5432/<db> \
 *     [--duration 10] [--connections 32] [--tenants 8] [--pool 10] [--rounds 1] [--keep] \
 *     [--cpu-prof <dir>] [--service-dir <checkout>] [--relay-off] [--nest-floor] [--db-delay <ms>]
 *
 * Each connection posts for one of `--tenants` tenants (a tenant's counter row serializes its
 * creates, on both sides alike). Both sides get a pool of `--pool` connections, verify the same
 * HS256 token and answer 201 (the service with the case, the baseline with its id); every 2xx must
 * have left exactly one case row. `--rounds` alternates which side goes first and reports
 * medians; `--cpu-prof` starts the service with `node --cpu-prof` writing into that directory;
 * `--service-dir` runs another checkout's build (e.g. the code before a change, for a comparison);
 * `--relay-off` starts the service as an API replica whose outbox relay runs elsewhere (here:
 * nowhere, so the events' deliveries are not measured; for finding where the time goes only);
 * `--nest-floor` measures a third side, the baseline's route and writes in a minimal Nest
 * application on Express (bench/create-case-nest-floor.js): what the framework costs by itself.
 * `--db-delay` puts a proxy between every side and the database that holds each chunk that many
 * ms each way (a network hop; with `--connections 1`, what a round trip per request costs).
 * Each side's own process CPU per request is reported too, and PostgreSQL's (all its processes,
 * Linux).
 */
import autocannon from 'autocannon';
import * as jwt from 'jsonwebtoken';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Permission } from '../src/shared/auth/permission.enum';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import {
  Args,
  benchSchema,
  check,
  ChildServer,
  cpuMs,
  delayedDatabase,
  log,
  postgresCpu,
  postgresCpuSince,
  startCompiledApp,
  startNodeServer,
  writeReport,
} from './support';

const args = new Args();
const options = {
  duration: args.number('duration', 10),
  connections: args.number('connections', 32),
  tenants: args.number('tenants', 8),
  pool: args.number('pool', 10),
  rounds: args.number('rounds', 1),
  keep: args.flag('keep'),
  relayOff: args.flag('relay-off'),
  cpuProf: args.value('cpu-prof'),
  serviceDir: args.value('service-dir'),
  nestFloor: args.flag('nest-floor'),
  dbDelay: args.number('db-delay', 0),
};
check(
  options.duration >= 1 && options.connections >= 1,
  'need --duration >= 1, --connections >= 1',
);
check(
  options.tenants >= 1 && options.pool >= 1 && options.rounds >= 1,
  'need --tenants >= 1, --pool >= 1, --rounds >= 1',
);
const WARMUP_SECONDS = 2;

interface Target {
  base: string;
  pid: number;
  tenants: { name: string; token: string; caseTypeId: string }[];
}

function load(target: Target, duration: number) {
  return autocannon({
    url: `${target.base}/api/v1/cases`,
    method: 'POST',
    connections: options.connections,
    duration,
    headers: { 'content-type': 'application/json' },
    setupClient: (client) => {
      const t = target.tenants[Math.floor(Math.random() * target.tenants.length)];
      client.setHeadersAndBody(
        { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
        JSON.stringify({ caseTypeId: t.caseTypeId, details: 'Printer on fire' }),
      );
    },
  });
}

type Measured = Awaited<ReturnType<typeof measure>>;

async function measure(label: string, target: Target) {
  log(`${label}: ${WARMUP_SECONDS} s warm-up`);
  const warm = await load(target, WARMUP_SECONDS);
  log(`${label}: ${options.duration} s at ${options.connections} connections`);
  const cpuBefore = cpuMs(target.pid);
  const postgresBefore = postgresCpu();
  const r = await load(target, options.duration);
  const postgresMs = postgresCpuSince(postgresBefore);
  check(r.errors === 0 && r.non2xx === 0, `${label}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  // The server process's CPU per answered request (its own process only, not PostgreSQL's).
  const cpuPerRequestMs = (cpuMs(target.pid) - cpuBefore) / r['2xx'];
  // And PostgreSQL's, all its processes: the other side is idle meanwhile (the service's relay
  // and jobs are not, and count here).
  const postgresCpuPerRequestMs = postgresMs / r['2xx'];
  log(
    `${label}: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, ` +
      `server CPU ${cpuPerRequestMs.toFixed(2)} ms/request, ` +
      `PostgreSQL CPU ${postgresCpuPerRequestMs.toFixed(2)} ms/request`,
  );
  return {
    requestsPerSecond: r.requests.average,
    cpuPerRequestMs,
    postgresCpuPerRequestMs,
    total2xx: warm['2xx'] + r['2xx'],
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of the rounds (req/s and each latency separately), the 2xx summed. */
function summary(rounds: Measured[]): Measured {
  const at = (key: keyof Measured['latencyMs']) => median(rounds.map((r) => r.latencyMs[key]));
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    cpuPerRequestMs: median(rounds.map((r) => r.cpuPerRequestMs)),
    postgresCpuPerRequestMs: median(rounds.map((r) => r.postgresCpuPerRequestMs)),
    total2xx: rounds.reduce((sum, r) => sum + r.total2xx, 0),
    latencyMs: { p50: at('p50'), p99: at('p99'), max: at('max') },
  };
}

async function tenantsWithTypes(db: DataSource, prefix: string, secret: string) {
  const tenants: Target['tenants'] = [];
  for (let i = 0; i < options.tenants; i++) {
    const name = `${prefix}${i}`;
    const caseTypeId = await new CaseRowBuilder(db, name).caseType('Incident');
    const token = jwt.sign(
      { sub: 'bench', client_id: name, permissions: [Permission.CASE_ALL], groups: [] },
      secret,
      { algorithm: 'HS256', expiresIn: 3600 },
    );
    tenants.push({ name, token, caseTypeId });
  }
  return tenants;
}

async function main(): Promise<void> {
  const databaseUrl = args.databaseUrl();
  const schema = await benchSchema(databaseUrl, 'bench_create', options.keep);
  let db: DataSource | undefined;
  let app: (ChildServer & { secret: string }) | undefined;
  let baseline: ChildServer | undefined;
  let floor: ChildServer | undefined;
  let proxy: Awaited<ReturnType<typeof delayedDatabase>> | undefined;
  try {
    db = await new DataSource(dataSourceOptions({ url: schema.url }, 2)).initialize();
    await migrate(db);
    proxy = options.dbDelay > 0 ? await delayedDatabase(schema.url, options.dbDelay) : undefined;
    const url = proxy?.url ?? schema.url;
    const nodeArgs = options.cpuProf
      ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProf)}`]
      : [];
    log(`starting node ${[...nodeArgs, 'dist/main.js'].join(' ')} and the baseline`);
    app = await startCompiledApp(url, {
      env: {
        DATABASE_POOL_SIZE: String(options.pool),
        ...(options.relayOff && { OUTBOX_RELAY_ENABLED: 'false' }),
      },
      nodeArgs,
      dir: options.serviceDir && resolve(options.serviceDir),
    });
    baseline = await startNodeServer('create-case-baseline.js', {
      DATABASE_URL: url,
      JWT_SECRET: app.secret,
      POOL_SIZE: String(options.pool),
    });
    const appTarget = {
      base: app.base,
      pid: app.pid,
      tenants: await tenantsWithTypes(db, 'app', app.secret),
    };
    const sqlTarget = {
      base: baseline.base,
      pid: baseline.pid,
      tenants: await tenantsWithTypes(db, 'sql', app.secret),
    };

    floor = options.nestFloor
      ? await startNodeServer('create-case-nest-floor.js', {
          DATABASE_URL: url,
          JWT_SECRET: app.secret,
          POOL_SIZE: String(options.pool),
        })
      : undefined;
    const floorTarget = floor && {
      base: floor.base,
      pid: floor.pid,
      tenants: await tenantsWithTypes(db, 'nest', app.secret),
    };

    const sides = [
      { label: 'application', target: appTarget, rounds: [] as Measured[] },
      { label: 'node:http + pg', target: sqlTarget, rounds: [] as Measured[] },
      ...(floorTarget
        ? [{ label: 'Nest floor', target: floorTarget, rounds: [] as Measured[] }]
        : []),
    ];
    for (let i = 1; i <= options.rounds; i++) {
      // Rotating which goes first, so a noisy neighbour weighs on all alike.
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i - 1 + k) % sides.length];
        side.rounds.push(await measure(`round ${i} ${side.label}`, side.target));
      }
    }
    const [appRounds, sqlRounds] = [sides[0].rounds, sides[1].rounds];
    const measured = summary(appRounds);
    const direct = summary(sqlRounds);
    const nest = sides[2] && summary(sides[2].rounds);

    const count = async (prefix: string) => {
      const [row] = (await db!.query(
        `SELECT (SELECT count(*)::int FROM cases WHERE client_id LIKE $1) AS cases,
                (SELECT count(*)::int FROM case_activities WHERE client_id LIKE $1) AS activities,
                (SELECT count(*)::int FROM outbox WHERE client_id LIKE $1) AS events`,
        [`${prefix}%`],
      )) as { cases: number; activities: number; events: number }[];
      return row;
    };
    const written = {
      app: await count('app'),
      baseline: await count('sql'),
      ...(nest && { nestFloor: await count('nest') }),
    };
    log(`rows written: ${JSON.stringify(written)}`);
    // autocannon stops at the deadline with up to one request per connection (per run) in flight.
    const inFlight = (rows: number, ok: number) =>
      rows >= ok && rows - ok <= 2 * options.rounds * options.connections;
    check(
      inFlight(written.app.cases, measured.total2xx) &&
        inFlight(written.baseline.cases, direct.total2xx) &&
        (!nest || inFlight(written.nestFloor!.cases, nest.total2xx)),
      `case rows do not match the 201s (${measured.total2xx} and ${direct.total2xx} answered)`,
    );

    const throughput = measured.requestsPerSecond / direct.requestsPerSecond;
    const p99 = measured.latencyMs.p99 / direct.latencyMs.p99;
    const of = options.rounds > 1 ? `, median of ${options.rounds} rounds` : '';
    process.stdout.write(
      `\n=== POST /api/v1/cases · ${options.connections} connections · ${options.duration} s · ` +
        `${options.tenants} tenants${of}\n` +
        `application      ${measured.requestsPerSecond.toFixed(0)} req/s · p99 ${measured.latencyMs.p99} ms · ` +
        `${measured.cpuPerRequestMs.toFixed(2)} ms CPU/request, ` +
        `PostgreSQL ${measured.postgresCpuPerRequestMs.toFixed(2)} ms\n` +
        `node:http + pg   ${direct.requestsPerSecond.toFixed(0)} req/s · p99 ${direct.latencyMs.p99} ms · ` +
        `${direct.cpuPerRequestMs.toFixed(2)} ms CPU/request, ` +
        `PostgreSQL ${direct.postgresCpuPerRequestMs.toFixed(2)} ms\n` +
        (nest
          ? `Nest floor       ${nest.requestsPerSecond.toFixed(0)} req/s · p99 ${nest.latencyMs.p99} ms · ` +
            `${nest.cpuPerRequestMs.toFixed(2)} ms CPU/request, ` +
            `PostgreSQL ${nest.postgresCpuPerRequestMs.toFixed(2)} ms · ` +
            `${(nest.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}× the baseline\n`
          : '') +
        `ratio app/baseline: throughput ${throughput.toFixed(2)}× · p99 ${p99.toFixed(1)}×\n`,
    );
    await writeReport('create-case', databaseUrl, {
      options,
      results: {
        application: measured,
        baseline: direct,
        ...(nest && { nestFloor: nest }),
        rounds: { application: appRounds, baseline: sqlRounds, nestFloor: sides[2]?.rounds },
        written,
        ratio: { throughput, p99 },
      },
      rows: [
        {
          benchmark: `create case (HTTP, ${options.connections} conn.)`,
          size: `${options.duration} s, ${options.tenants} tenants${of}`,
          app: `${measured.requestsPerSecond.toFixed(0)} req/s, p99 ${measured.latencyMs.p99} ms`,
          baseline:
            `${direct.requestsPerSecond.toFixed(0)} req/s, p99 ${direct.latencyMs.p99} ms (node:http + pg)` +
            (nest
              ? `; Nest floor ${nest.requestsPerSecond.toFixed(0)} req/s, p99 ${nest.latencyMs.p99} ms`
              : ''),
          ratio: `throughput ${throughput.toFixed(2)}×, p99 ${p99.toFixed(1)}×`,
        },
      ],
    });
  } finally {
    await floor?.stop();
    await baseline?.stop();
    await app?.stop();
    await proxy?.close();
    await db?.destroy();
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
