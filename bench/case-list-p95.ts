/*
 * Latency of the case list on PostgreSQL: p50/p95/p99 of
 * GET /api/v1/cases?state=IN_PROCESS&caseTypeId=...&limit=50 (first pages and cursor pages),
 * the same SQL run directly through `pg` as the baseline (each page on both sides, one right after
 * the other, the order alternating), and its EXPLAIN (ANALYZE, BUFFERS).
 *
 *   npx ts-node bench/case-list-p95.ts --cases 100000 \
 *     --database-url postgresql://postgres@127.0.0.1:5432/<db> [--requests 400] [--tenants 4] [--keep]
 *
 * Works in a throwaway schema of that database (dropped at the end unless --keep): migrates it,
 * inserts the cases set-based (half in the measured tenant, the rest spread over the others),
 * ANALYZEs, then starts the compiled service (`node dist/main.js`, built first if needed) on a
 * random port against it.
 */
import 'reflect-metadata';
import * as jwt from 'jsonwebtoken';
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
  fmtMs as fmt,
  log,
  percentiles,
  ChildServer,
  startCompiledApp,
  writeReport,
} from './support';

interface Options {
  cases: number;
  databaseUrl: string;
  requests: number;
  tenants: number;
  keep: boolean;
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

/**
 * Walks each case type's list PAGES_PER_WALK pages deep, round-robin, for `count` requests; each
 * page is asked over HTTP and as the same SQL through `pg`, one right after the other, the order
 * alternating, so both sides find the same pages in the same cache state.
 */
async function measure(
  base: string,
  token: string,
  sql: { client: Client; tenant: string },
  types: string[],
  count: number,
) {
  const steps: Step[] = [];
  const samples = { http: [] as number[], sql: [] as number[] };
  let walk = 0;
  let page = 0;
  let cursor: string | null = null;
  for (let i = 0; i < count + WARMUP; i++) {
    const step = { caseTypeId: types[walk % types.length], cursor };
    const query = `state=${CaseState.IN_PROCESS}&caseTypeId=${step.caseTypeId}&limit=50`;
    const viaHttp = async () => {
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${base}/api/v1/cases?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { data: unknown[]; page: { nextCursor: string | null } };
      const ms = since(t0);
      if (res.status !== 200 || body.data.length === 0) {
        throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      }
      return { ms, next: body.page.nextCursor };
    };
    const viaSql = async () => {
      const { sql: text, params } = sqlOf(sql.tenant, step);
      const t0 = process.hrtime.bigint();
      await sql.client.query(text, params);
      return since(t0);
    };
    let http: Awaited<ReturnType<typeof viaHttp>>;
    let direct: number;
    if (i % 2 === 0) {
      http = await viaHttp();
      direct = await viaSql();
    } else {
      direct = await viaSql();
      http = await viaHttp();
    }
    if (i >= WARMUP) {
      samples.http.push(http.ms);
      samples.sql.push(direct);
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

async function main(): Promise<void> {
  const options = parseArgs(new Args());
  const schema = await benchSchema(options.databaseUrl, 'bench', options.keep);
  const url = schema.url;
  let app: ChildServer | undefined;
  const client = new Client({ connectionString: url });
  try {
    const db = await new DataSource(dataSourceOptions({ url }, 4)).initialize();
    await migrate(db);
    log(`inserting ${options.cases} cases over ${options.tenants} tenants`);
    const { tenant, types, count } = await seed(db, options);
    await db.query(
      'ANALYZE cases, case_types, processes, solutions, priorities, case_status_labels, sla_instances',
    );
    await db.destroy();
    await client.connect();
    const { rows: mix } = await client.query<{ state: string; n: string }>(
      `SELECT state, count(*) AS n FROM cases WHERE client_id = $1 GROUP BY state ORDER BY 2 DESC`,
      [tenant],
    );
    log(`analyzed; tenant ${tenant}: ${mix.map((r) => `${r.state} ${r.n}`).join(', ')}`);

    const server = await startCompiledApp(url);
    app = server;
    log(`application (node dist/main.js, pid ${server.pid}) listening on ${server.base}`);
    const token = jwt.sign(
      { sub: 'bench', client_id: tenant, permissions: [Permission.CASE_VIEW], groups: [] },
      server.secret,
      { algorithm: 'HS256', expiresIn: 3600 },
    );
    log(`measuring ${options.requests} pages over HTTP and as SQL (+${WARMUP} warm-up)`);
    const measured = await measure(server.base, token, { client, tenant }, types, options.requests);
    const http = { samples: measured.samples.http, steps: measured.steps };
    const direct = measured.samples.sql;

    const firstPlan = await explain(client, tenant, http.steps[0], 'first page');
    const deep = http.steps.find((s) => s.cursor) ?? http.steps[0];
    const cursorPlan = await explain(client, tenant, deep, 'a cursor page');

    const h = percentiles(http.samples);
    const s = percentiles(direct);
    const paged = http.steps.filter((x) => x.cursor).length;
    const ratio = h.p95 / s.p95;
    process.stdout.write(
      `\n=== GET /api/v1/cases?state=IN_PROCESS&caseTypeId=…&limit=50 · ${options.cases} cases ` +
        `(${count} in tenant ${tenant}) · ` +
        `${http.samples.length} requests, ${paged} with a cursor\n` +
        `HTTP (app)        ${fmt(h)}\n` +
        `SQL (pg, direct)  ${fmt(s)}\n` +
        `p95 ratio HTTP/SQL ${ratio.toFixed(1)}×\n`,
    );
    await writeReport('case-list-p95', options.databaseUrl, {
      options,
      results: {
        tenantCases: count,
        requests: http.samples.length,
        withCursor: paged,
        httpMs: h,
        sqlMs: s,
        ratioP95: ratio,
        plans: { firstPage: firstPlan, cursorPage: cursorPlan },
      },
      rows: [
        {
          benchmark: 'case list p95 (state + type, 50 rows, keyset)',
          size: `${options.cases} cases (${count} in the tenant), ${http.samples.length} requests`,
          app: `p95 ${h.p95.toFixed(2)} ms (HTTP)`,
          baseline: `p95 ${s.p95.toFixed(2)} ms (same SQL via pg)`,
          ratio: `${ratio.toFixed(1)}× p95`,
        },
      ],
    });
  } finally {
    await app?.stop();
    await client.end().catch(() => undefined);
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
