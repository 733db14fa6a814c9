/*
 * Throughput and p99 of POST /api/v1/cases at 32 connections (autocannon), beside a bare
 * `node:http` + `pg` server doing the same writes in one transaction (case type lookup, counter,
 * case row, activity entry, outbox event), on the same database, in the same run.
 *
 *   npx ts-node bench/create-case.ts --database-url postgresql://postgres@127.0.0.1:5432/<db> \
 *     [--duration 10] [--connections 32] [--tenants 8] [--pool 10] [--keep]
 *
 * Each connection posts for one of `--tenants` tenants (a tenant's counter row serializes its
 * creates, on both sides alike). Both sides get a pool of `--pool` connections, verify the same
 * HS256 token and answer 201 with the case id; every 2xx must have left exactly one case row.
 */
import autocannon from 'autocannon';
import * as jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Permission } from '../src/shared/auth/permission.enum';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import { Args, benchSchema, check, log, startHttpApp, writeReport } from './support';

const args = new Args();
const options = {
  duration: args.number('duration', 10),
  connections: args.number('connections', 32),
  tenants: args.number('tenants', 8),
  pool: args.number('pool', 10),
  keep: args.flag('keep'),
};
check(
  options.duration >= 1 && options.connections >= 1,
  'need --duration >= 1, --connections >= 1',
);
check(options.tenants >= 1 && options.pool >= 1, 'need --tenants >= 1, --pool >= 1');
const WARMUP_SECONDS = 2;

interface Target {
  base: string;
  tenants: { name: string; token: string; caseTypeId: string }[];
}

/** The same inserts as CreateCaseHandler → CaseRepository.save (no SLA, priority or comment). */
async function createCase(pool: Pool, tenant: string, userId: string, body: unknown) {
  const { caseTypeId, details } = body as { caseTypeId?: unknown; details?: unknown };
  if (typeof caseTypeId !== 'string' || typeof details !== 'string') return null;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const type = await client.query<{ id: string; name: string }>(
      `SELECT id, name FROM case_types WHERE client_id = $1 AND id = $2 AND active`,
      [tenant, caseTypeId],
    );
    if (type.rowCount === 0) {
      await client.query('ROLLBACK');
      return null;
    }
    const now = new Date();
    const id = randomUUID();
    const { rows } = await client.query<{ last_seq: number }>(
      `INSERT INTO case_counters (client_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (client_id) DO UPDATE SET last_seq = case_counters.last_seq + 1
       RETURNING last_seq`,
      [tenant],
    );
    const seq = rows[0].last_seq;
    const displayId = `CM${tenant}-${seq}`;
    await client.query(
      `INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                          initiator_id, initiator_type, assigned_to_users, assigned_to_groups,
                          watchers, tags, created_by, created_at, updated_by, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, 'NEW', $6, $7, 'USER', '{}', '{}', '{}', '{}', $7, $8, $7, $8, 1)`,
      [id, tenant, seq, displayId, caseTypeId, details, userId, now],
    );
    const payload = JSON.stringify({ caseId: id, displayId, caseTypeId, state: 'NEW' });
    await client.query(
      `INSERT INTO case_activities (client_id, case_id, type, actor_id, occurred_at, data)
       VALUES ($1, $2, 'case.created', $3, $4, $5::jsonb)`,
      [tenant, id, userId, now, payload],
    );
    await client.query(
      `WITH counter AS (
         INSERT INTO outbox_sequences AS s (client_id, aggregate_id, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (client_id, aggregate_id) DO UPDATE SET last_seq = s.last_seq + 1
         RETURNING last_seq)
       INSERT INTO outbox (client_id, type, aggregate_id, payload, occurred_at, seq)
       SELECT $1, 'case.created', $2, $3::jsonb, $4, last_seq FROM counter`,
      [tenant, id, payload, now],
    );
    await client.query('COMMIT');
    return { id, displayId };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** The baseline: one route, the token checked, the inserts, 201 with the id. */
function startBaseline(pool: Pool, secret: string): Promise<Server> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      try {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
        if (req.method !== 'POST' || req.url !== '/api/v1/cases') return reply(404, {});
        const created = await createCase(pool, claims.client_id, claims.sub!, await readBody(req));
        if (!created) return reply(400, {});
        reply(201, { code: 'CASE0600', data: created });
      } catch (error) {
        reply(500, { message: String(error) });
      }
    })();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
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

async function measure(label: string, target: Target) {
  log(`${label}: ${WARMUP_SECONDS} s warm-up`);
  const warm = await load(target, WARMUP_SECONDS);
  log(`${label}: ${options.duration} s at ${options.connections} connections`);
  const r = await load(target, options.duration);
  check(r.errors === 0 && r.non2xx === 0, `${label}: ${r.errors} errors, ${r.non2xx} non-2xx`);
  log(`${label}: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms`);
  return {
    requestsPerSecond: r.requests.average,
    total2xx: warm['2xx'] + r['2xx'],
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
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
  const pool = new Pool({ connectionString: schema.url, max: options.pool });
  let db: DataSource | undefined;
  let app: Awaited<ReturnType<typeof startHttpApp>> | undefined;
  let baseline: Server | undefined;
  try {
    db = await new DataSource(dataSourceOptions({ url: schema.url }, 2)).initialize();
    await migrate(db);
    app = await startHttpApp(schema.url, { DATABASE_POOL_SIZE: String(options.pool) });
    baseline = await startBaseline(pool, app.secret);
    const base = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`;
    const appTarget = { base: app.base, tenants: await tenantsWithTypes(db, 'app', app.secret) };
    const sqlTarget = { base, tenants: await tenantsWithTypes(db, 'sql', app.secret) };

    const measured = await measure('application', appTarget);
    const direct = await measure('node:http + pg', sqlTarget);

    const count = async (prefix: string) => {
      const [row] = (await db!.query(
        `SELECT (SELECT count(*)::int FROM cases WHERE client_id LIKE $1) AS cases,
                (SELECT count(*)::int FROM case_activities WHERE client_id LIKE $1) AS activities,
                (SELECT count(*)::int FROM outbox WHERE client_id LIKE $1) AS events`,
        [`${prefix}%`],
      )) as { cases: number; activities: number; events: number }[];
      return row;
    };
    const written = { app: await count('app'), baseline: await count('sql') };
    log(`rows written: ${JSON.stringify(written)}`);
    // autocannon stops at the deadline with up to one request per connection (per run) in flight.
    const inFlight = (rows: number, ok: number) =>
      rows >= ok && rows - ok <= 2 * options.connections;
    check(
      inFlight(written.app.cases, measured.total2xx) &&
        inFlight(written.baseline.cases, direct.total2xx),
      `case rows do not match the 201s (${measured.total2xx} and ${direct.total2xx} answered)`,
    );

    const throughput = measured.requestsPerSecond / direct.requestsPerSecond;
    const p99 = measured.latencyMs.p99 / direct.latencyMs.p99;
    process.stdout.write(
      `\n=== POST /api/v1/cases · ${options.connections} connections · ${options.duration} s · ` +
        `${options.tenants} tenants\n` +
        `application      ${measured.requestsPerSecond.toFixed(0)} req/s · p99 ${measured.latencyMs.p99} ms\n` +
        `node:http + pg   ${direct.requestsPerSecond.toFixed(0)} req/s · p99 ${direct.latencyMs.p99} ms\n` +
        `ratio app/baseline: throughput ${throughput.toFixed(2)}× · p99 ${p99.toFixed(1)}×\n`,
    );
    await writeReport('create-case', databaseUrl, {
      options,
      results: { application: measured, baseline: direct, written, ratio: { throughput, p99 } },
      rows: [
        {
          benchmark: `create case (HTTP, ${options.connections} conn.)`,
          size: `${options.duration} s, ${options.tenants} tenants`,
          app: `${measured.requestsPerSecond.toFixed(0)} req/s, p99 ${measured.latencyMs.p99} ms`,
          baseline: `${direct.requestsPerSecond.toFixed(0)} req/s, p99 ${direct.latencyMs.p99} ms (node:http + pg)`,
          ratio: `throughput ${throughput.toFixed(2)}×, p99 ${p99.toFixed(1)}×`,
        },
      ],
    });
  } finally {
    baseline?.close();
    await app?.app.close();
    await pool.end();
    await db?.destroy();
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
