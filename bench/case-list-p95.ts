/*
 * Latency of the case list on PostgreSQL: p50/p95/p99 of
 * GET /api/v1/cases?state=IN_PROCESS&caseTypeId=...&limit=50 (first pages and cursor pages),
 * the same SQL run directly through `pg` as the baseline (each page on both sides, one right after
 * the other, the order alternating), and its EXPLAIN (ANALYZE, BUFFERS).
 *
 *   npx ts-node bench/case-list-p95.ts --cases 100000 \
 *     --database-url postgresql://postgres@127.0.0.1:5432/<db> [--requests 400] [--tenants 4] [--keep]
 *     [--reuse-schema <schema>] [--service-dir <checkout>] [--cpu-prof <dir>]
 *
 * Works in a throwaway schema of that database (dropped at the end unless --keep): migrates it,
 * inserts the cases set-based (half in the measured tenant, the rest spread over the others),
 * ANALYZEs, then starts the compiled service (`node dist/main.js`, built first if needed) on a
 * random port against it. `--reuse-schema` measures on a schema an earlier `--keep` run left
 * (seeding 1 M cases takes minutes; the schema is kept again); `--service-dir` runs another
 * checkout's build (the code before a change); `--cpu-prof` profiles the service.
 */
import 'reflect-metadata';
import * as jwt from 'jsonwebtoken';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { caseListSql } from '../src/modules/cases/views/queries/list-cases/case-list.sql';
import { Actor } from '../src/shared/auth/actor';
import { Permission } from '../src/shared/auth/permission.enum';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseState } from '../src/shared/domain/case-state';
import { decodeCursor } from '../src/shared/http/pagination';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import {
  Args,
  benchSchema,
  check,
  cpuMs,
  fmtMs as fmt,
  log,
  percentiles,
  ChildServer,
  startCompiledApp,
  startNodeServer,
  withSearchPath,
  writeReport,
} from './support';

interface Options {
  cases: number;
  databaseUrl: string;
  requests: number;
  tenants: number;
  keep: boolean;
  reuseSchema?: string;
  serviceDir?: string;
  cpuProf?: string;
}

interface Step {
  caseTypeId: string;
  cursor: string | null;
}

const PAGES_PER_WALK = 5;
const WARMUP = 20;

function parseArgs(args: Args): Options {
  const options = {
    cases: args.number('cases', 100_000),
    databaseUrl: args.databaseUrl(),
    requests: args.number('requests', 400),
    tenants: args.number('tenants', 4),
    keep: args.flag('keep'),
    reuseSchema: args.value('reuse-schema'),
    serviceDir: args.value('service-dir'),
    cpuProf: args.value('cpu-prof'),
  };
  check(
    options.cases >= 1000 && options.requests >= 300 && options.tenants >= 1,
    'need --cases >= 1000, --requests >= 300, --tenants >= 1',
  );
  return options;
}

async function seed(
  db: DataSource,
  options: Options,
): Promise<{ tenant: string; types: string[]; count: number }> {
  const tenants = Array.from({ length: options.tenants }, (_, i) => `bench${i}`);
  const main = options.tenants === 1 ? options.cases : Math.round(options.cases / 2);
  const rest = Math.floor((options.cases - main) / Math.max(1, options.tenants - 1));
  let types: string[] = [];
  for (const [i, tenant] of tenants.entries()) {
    const count = i === 0 ? main : rest;
    const b = new CaseRowBuilder(db, tenant, new Date('2025-01-01T00:00:00.000Z'));
    const caseTypeIds: string[] = [];
    for (let t = 1; t <= 10; t++) caseTypeIds.push(await b.caseType(`Type ${t}`));
    const priorityIds: string[] = [];
    for (let level = 1; level <= 4; level++) priorityIds.push(await b.priority(level));
    const t0 = Date.now();
    for (let done = 0; done < count; done += 50_000) {
      await b.bulk(Math.min(50_000, count - done), { caseTypeIds, priorityIds, stepMs: 30_000 });
    }
    log(`tenant ${tenant}: ${count} cases inserted in ${Date.now() - t0} ms`);
    if (i === 0) types = caseTypeIds;
  }
  return { tenant: tenants[0], types, count: main };
}

function sqlOf(tenant: string, step: Step) {
  const actor = new Actor(tenant, 'bench', new Set([Permission.CASE_VIEW]));
  const after = step.cursor
    ? decodeCursor(step.cursor, ['string', 'timestamp', 'uuid'])
    : undefined;
  const filters = { state: [CaseState.IN_PROCESS], caseTypeId: step.caseTypeId };
  return caseListSql({ actor, view: 'all', filters, sort: 'createdAt', limit: 50 }, after);
}

const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

type Side = 'http' | 'bare' | 'sql';
const ORDERS: Side[][] = [
  ['http', 'bare', 'sql'],
  ['sql', 'http', 'bare'],
  ['bare', 'sql', 'http'],
];

/**
 * Walks each case type's list PAGES_PER_WALK pages deep, round-robin, for `count` requests; each
 * page is asked over HTTP of the service, over HTTP of the bare server (case-list-baseline.js) and
 * as the same SQL through `pg`, one right after the other, the order rotating, so all three find
 * the same pages in the same cache state. The bare server's pages must equal the service's.
 */
async function measure(
  base: { app: string; bare: string },
  token: string,
  sql: { client: Client; tenant: string },
  types: string[],
  count: number,
) {
  const steps: Step[] = [];
  const samples: Record<Side, number[]> = { http: [], bare: [], sql: [] };
  let walk = 0;
  let page = 0;
  let cursor: string | null = null;
  for (let i = 0; i < count + WARMUP; i++) {
    const step = { caseTypeId: types[walk % types.length], cursor };
    const query = `state=${CaseState.IN_PROCESS}&caseTypeId=${step.caseTypeId}&limit=50`;
    const pages: Partial<Record<'http' | 'bare', { data: unknown[]; next: string | null }>> = {};
    const viaHttp = async (side: 'http' | 'bare') => {
      const t0 = process.hrtime.bigint();
      const url = `${base[side === 'http' ? 'app' : 'bare']}/api/v1/cases?${query}`;
      const res = await fetch(`${url}${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { data: unknown[]; page: { nextCursor: string | null } };
      const ms = since(t0);
      if (res.status !== 200 || body.data.length === 0) {
        throw new Error(
          `${side}: unexpected answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
      pages[side] = { data: body.data, next: body.page.nextCursor };
      return ms;
    };
    const viaSql = async () => {
      const { sql: text, params } = sqlOf(sql.tenant, step);
      const t0 = process.hrtime.bigint();
      await sql.client.query(text, params);
      return since(t0);
    };
    const took: Partial<Record<Side, number>> = {};
    for (const side of ORDERS[i % ORDERS.length]) {
      took[side] = side === 'sql' ? await viaSql() : await viaHttp(side);
    }
    const { http, bare } = pages as Required<typeof pages>;
    check(
      JSON.stringify(http.data) === JSON.stringify(bare.data) && http.next === bare.next,
      `the bare server's page ${i} differs from the service's`,
    );
    if (i >= WARMUP) {
      for (const side of Object.keys(samples) as Side[]) samples[side].push(took[side]!);
      steps.push(step);
    }
    if (i > 0 && i % 100 === 0) log(`  ${i} pages`);
    cursor = http.next;
    if (++page >= PAGES_PER_WALK || !cursor) {
      walk++;
      page = 0;
      cursor = null;
    }
  }
  return { samples, steps };
}

async function explain(
  client: Client,
  tenant: string,
  step: Step,
  label: string,
): Promise<string[]> {
  const { sql, params } = sqlOf(tenant, step);
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
    params,
  );
  process.stdout.write(`\n--- EXPLAIN (ANALYZE, BUFFERS): ${label}\n`);
  process.stdout.write(`${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  return rows.map((r) => r['QUERY PLAN']);
}

/** A schema an earlier run kept: its measured tenant is the first one seeded, `bench0`. */
function keptSchema(databaseUrl: string, schema: string) {
  check(/^[a-z_][a-z0-9_]*$/.test(schema), `--reuse-schema: not a schema name: ${schema}`);
  log(`reusing schema ${schema}`);
  return { schema, url: withSearchPath(databaseUrl, schema), drop: async () => undefined };
}

async function seededBefore(
  client: Client,
): Promise<{ tenant: string; types: string[]; count: number }> {
  const tenant = 'bench0';
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM case_types WHERE client_id = $1 ORDER BY name`,
    [tenant],
  );
  const [{ n }] = (
    await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE client_id = $1`, [
      tenant,
    ])
  ).rows;
  check(rows.length > 0 && n > 0, `no seeded tenant ${tenant} in that schema`);
  return { tenant, types: rows.map((r) => r.id), count: n };
}

async function main(): Promise<void> {
  const options = parseArgs(new Args());
  const schema = options.reuseSchema
    ? keptSchema(options.databaseUrl, options.reuseSchema)
    : await benchSchema(options.databaseUrl, 'bench', options.keep);
  const url = schema.url;
  let app: ChildServer | undefined;
  let bare: ChildServer | undefined;
  const client = new Client({ connectionString: url });
  try {
    let seeded: { tenant: string; types: string[]; count: number };
    if (options.reuseSchema) {
      await client.connect();
      seeded = await seededBefore(client);
    } else {
      const db = await new DataSource(dataSourceOptions({ url }, 4)).initialize();
      await migrate(db);
      log(`inserting ${options.cases} cases over ${options.tenants} tenants`);
      seeded = await seed(db, options);
      await db.query(
        'ANALYZE cases, case_types, processes, solutions, priorities, case_status_labels, sla_instances',
      );
      await db.destroy();
      await client.connect();
    }
    const { tenant, types, count } = seeded;
    // A kept schema holds what its own run seeded, whatever --cases says now.
    const total = options.reuseSchema
      ? (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`)).rows[0].n
      : options.cases;
    const { rows: mix } = await client.query<{ state: string; n: string }>(
      `SELECT state, count(*) AS n FROM cases WHERE client_id = $1 GROUP BY state ORDER BY 2 DESC`,
      [tenant],
    );
    log(`analyzed; tenant ${tenant}: ${mix.map((r) => `${r.state} ${r.n}`).join(', ')}`);

    // With --cpu-prof both servers are profiled into that directory, each file named by its pid.
    const nodeArgs = options.cpuProf
      ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProf)}`]
      : [];
    const server = await startCompiledApp(url, {
      dir: options.serviceDir && resolve(options.serviceDir),
      nodeArgs,
    });
    app = server;
    log(`application (node dist/main.js, pid ${server.pid}) listening on ${server.base}`);
    const token = jwt.sign(
      { sub: 'bench', client_id: tenant, permissions: [Permission.CASE_VIEW], groups: [] },
      server.secret,
      { algorithm: 'HS256', expiresIn: 3600 },
    );
    bare = await startNodeServer(
      'case-list-baseline.js',
      { DATABASE_URL: url, JWT_SECRET: server.secret },
      nodeArgs,
    );
    log(`bare node:http + pg server (pid ${bare.pid}) listening on ${bare.base}`);
    log(`measuring ${options.requests} pages over HTTP, bare HTTP and SQL (+${WARMUP} warm-up)`);
    const cpuBefore = { app: cpuMs(server.pid), bare: cpuMs(bare.pid) };
    const measured = await measure(
      { app: server.base, bare: bare.base },
      token,
      { client, tenant },
      types,
      options.requests,
    );
    const pages = options.requests + WARMUP;
    const cpuPerPage = {
      app: (cpuMs(server.pid) - cpuBefore.app) / pages,
      bare: (cpuMs(bare.pid) - cpuBefore.bare) / pages,
    };
    const http = { samples: measured.samples.http, steps: measured.steps };
    const direct = measured.samples.sql;
    const floor = percentiles(measured.samples.bare);

    const firstPlan = await explain(client, tenant, http.steps[0], 'first page');
    const deep = http.steps.find((s) => s.cursor) ?? http.steps[0];
    const cursorPlan = await explain(client, tenant, deep, 'a cursor page');

    const h = percentiles(http.samples);
    const s = percentiles(direct);
    const paged = http.steps.filter((x) => x.cursor).length;
    const ratio = h.p95 / s.p95;
    process.stdout.write(
      `\n=== GET /api/v1/cases?state=IN_PROCESS&caseTypeId=…&limit=50 · ${total} cases ` +
        `(${count} in tenant ${tenant}) · ` +
        `${http.samples.length} requests, ${paged} with a cursor\n` +
        `HTTP (app)        ${fmt(h)}\n` +
        `HTTP (bare)       ${fmt(floor)}\n` +
        `SQL (pg, direct)  ${fmt(s)}\n` +
        `p95 ratio HTTP/SQL ${ratio.toFixed(2)}× (bare HTTP/SQL ${(floor.p95 / s.p95).toFixed(2)}×, ` +
        `HTTP/bare HTTP ${(h.p95 / floor.p95).toFixed(2)}×)\n` +
        `CPU per page: service ${cpuPerPage.app.toFixed(2)} ms, bare server ${cpuPerPage.bare.toFixed(2)} ms\n`,
    );
    await writeReport('case-list-p95', options.databaseUrl, {
      options,
      results: {
        cases: total,
        tenantCases: count,
        requests: http.samples.length,
        withCursor: paged,
        httpMs: h,
        bareHttpMs: floor,
        cpuMsPerPage: cpuPerPage,
        sqlMs: s,
        ratioP95: ratio,
        plans: { firstPage: firstPlan, cursorPage: cursorPlan },
      },
      rows: [
        {
          benchmark: 'case list p95 (state + type, 50 rows, keyset)',
          size: `${total} cases (${count} in the tenant), ${http.samples.length} requests`,
          app: `p95 ${h.p95.toFixed(2)} ms (HTTP)`,
          baseline: `p95 ${s.p95.toFixed(2)} ms (same SQL via pg); bare node:http + pg p95 ${floor.p95.toFixed(2)} ms`,
          ratio: `${ratio.toFixed(2)}× p95 (bare HTTP ${(floor.p95 / s.p95).toFixed(2)}×)`,
        },
      ],
    });
  } finally {
    await app?.stop();
    await bare?.stop();
    await client.end().catch(() => undefined);
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
