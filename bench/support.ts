/* What every benchmark script shares: flags, progress lines, its throwaway schema, the application
 * booted against it, and the report written to bench/results/. */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { AddressInfo, connect, createServer as createTcpServer, Socket } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? join(__dirname, 'results');
const started = Date.now();

export function log(message: string): void {
  process.stdout.write(
    `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`,
  );
}

/** `--name value` flags and `--name` switches; flags another script takes are ignored. */
export class Args {
  constructor(private readonly argv: string[] = process.argv.slice(2)) {}

  value(name: string): string | undefined {
    const i = this.argv.indexOf(`--${name}`);
    return i >= 0 ? this.argv[i + 1] : undefined;
  }

  number(name: string, fallback: number): number {
    const raw = this.value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${raw}`);
    return n;
  }

  flag(name: string): boolean {
    return this.argv.includes(`--${name}`);
  }

  databaseUrl(): string {
    const url =
      this.value('database-url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url)
      throw new Error('--database-url postgresql://... (or BENCH_DATABASE_URL) is required');
    return url;
  }
}

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** A fresh schema of the database (dropped by `drop()` unless `keep`), and a URL that uses it. */
export async function benchSchema(databaseUrl: string, prefix: string, keep: boolean) {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  log(`schema ${schema} created; migrating`);
  return {
    schema,
    url: withSearchPath(databaseUrl, schema),
    async drop(): Promise<void> {
      if (!keep) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      log(keep ? `kept schema ${schema}` : `dropped schema ${schema}`);
      await admin.end();
    },
  };
}

/**
 * A TCP proxy to the database of `url` that holds every chunk `delayMs` in each direction, as a
 * network hop between the service and its database would: for latency at a few connections
 * (it runs in this process). Returns `url` through the proxy.
 */
export async function delayedDatabase(url: string, delayMs: number) {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    const database = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, database]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        client.destroy();
        database.destroy();
        sockets.delete(socket);
      });
    }
    const hop = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => setTimeout(() => to.write(chunk), delayMs));
    hop(client, database);
    hop(database, client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as AddressInfo).port);
  return {
    url: proxied.toString(),
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

export type Percentiles = Record<'p50' | 'p95' | 'p99' | 'max', number>;

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] };
}

export const fmtMs = (p: Record<string, number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v.toFixed(2)} ms`)
    .join(' · ');

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The environment the application reads on start: production mode, quiet, no jobs or demo data. */
export function benchEnv(url: string, overrides: Record<string, string> = {}) {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cms-bench-')),
    ...overrides,
  };
}

/** benchEnv into this process's environment, for the application booted in-process. */
export function applyBenchEnv(url: string, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, benchEnv(url, overrides));
}

/** The application over HTTP on a random port, as `npm start` configures it. */
export async function startHttpApp(
  url: string,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; base: string; secret: string }> {
  applyBenchEnv(url, env);
  // Imported only now: ConfigModule.forRoot reads and validates the environment on import.
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/app.setup');
  const { ExpressHttpAdapter } = await import('../src/shared/http/express-http-adapter');
  const app = await NestFactory.create(AppModule, new ExpressHttpAdapter(), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app as Parameters<typeof configureApp>[0]);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}`, secret: process.env.JWT_SECRET as string };
}

const ROOT = join(__dirname, '..');
const children = new Set<ChildProcess>();
// A benchmark that fails half-way leaves no server behind.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** A server in a child process of its own, listening on `base`. */
export interface ChildServer {
  base: string;
  pid: number;
  /** SIGTERM, then the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

function track(child: ChildProcess, base: string): ChildServer {
  children.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  return {
    base,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Whether the service on `port` answers `GET /health` with 200 (within 1 s). */
export function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/health', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/** Builds `dir`'s dist/ when it is missing or older than its sources (as `npm start` does). */
export function ensureBuilt(dir = ROOT): void {
  execFileSync(process.execPath, [join(dir, 'scripts', 'ensure-built.js')], { stdio: 'inherit' });
}

/**
 * The compiled service (`node dist/main.js`, as `npm run start:prod` runs it) in a child process,
 * against `url` with the benchEnv environment plus `env`, once `GET /health` answers 200.
 * `nodeArgs` go before the script (e.g. `--cpu-prof`); `dir` is the checkout to run (this one by
 * default; e.g. an older build to compare with), built first if needed.
 */
export async function startCompiledApp(
  url: string,
  {
    env = {},
    nodeArgs = [],
    dir = ROOT,
  }: { env?: Record<string, string>; nodeArgs?: string[]; dir?: string } = {},
): Promise<ChildServer & { secret: string }> {
  ensureBuilt(dir);
  const port = await freePort();
  const childEnv = { ...process.env, ...benchEnv(url, env), PORT: String(port) };
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    cwd: dir,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const server = track(child, `http://127.0.0.1:${port}`);
  const deadline = Date.now() + 120_000;
  while (!(await healthy(port))) {
    check(child.exitCode === null, `node dist/main.js exited (${child.exitCode}) before healthy`);
    check(Date.now() < deadline, 'node dist/main.js not healthy within 120 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ...server, secret: childEnv.JWT_SECRET };
}

/** CPU time (user + system) a process has used so far, in ms; Linux (/proc), else NaN. */
export function cpuMs(pid: number): number {
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return NaN;
  }
}

/** utime + stime of a /proc/<pid>/stat line: the 12th and 13th fields after the command. */
const statCpuMs = (stat: string) => {
  const fields = stat.split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

/** CPU milliseconds used so far by each PostgreSQL server process on this machine (Linux), by pid. */
export function postgresCpu(): Map<number, number> {
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes(' (postgres) ')) used.set(Number(entry), statCpuMs(stat));
    } catch {
      // The process ended while being read.
    }
  }
  return used;
}

/**
 * PostgreSQL's CPU milliseconds since `before` (a postgresCpu() reading): what the processes still
 * running used since then, or since they started. A process that ended meanwhile (an autovacuum
 * worker) drops out, so this reads low, never high.
 */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * `node <script>` (a plain .js file under bench/) that prints `{"port": n}` once listening;
 * `nodeArgs` go before the script (`--cpu-prof`, so a baseline is profiled like the service).
 */
export function startNodeServer(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, join(__dirname, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        const { port } = JSON.parse(line) as { port: number };
        resolve(track(child, `http://127.0.0.1:${port}`));
      }
    });
  });
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
}

export async function machine(databaseUrl?: string): Promise<Machine> {
  const host = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
  if (!databaseUrl) return { ...host, postgres: 'n/a (not used)' };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      `SELECT current_setting('server_version') AS v`,
    );
    return { ...host, postgres: rows[0].v };
  } finally {
    await client.end();
  }
}

export const describeMachine = (m: Machine) =>
  `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}, PostgreSQL ${m.postgres}`;

/** One line of the Markdown table: the application beside its baseline. */
export interface ReportRow {
  benchmark: string;
  size: string;
  app: string;
  baseline: string;
  ratio: string;
}

export const TABLE_HEADER =
  '| benchmark | size | application | baseline | ratio |\n| --- | --- | --- | --- | --- |';

export const tableLine = (r: ReportRow) =>
  `| ${r.benchmark} | ${r.size} | ${r.app} | ${r.baseline} | ${r.ratio} |`;

/** Writes `bench/results/<name>.json` (everything) and `<name>.md` (the short table). */
export async function writeReport(
  name: string,
  databaseUrl: string | undefined,
  report: { options: object; rows: ReportRow[]; results: object },
): Promise<void> {
  const options = Object.fromEntries(
    Object.entries(report.options).filter(([key]) => key !== 'databaseUrl'),
  );
  const m = await machine(databaseUrl);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const at = new Date().toISOString();
  const command = `npx ts-node bench/${name}.ts ${process.argv.slice(2).join(' ')}`.replace(
    /postgres(ql)?:\/\/\S+/g,
    '<database-url>',
  );
  writeFileSync(
    join(RESULTS_DIR, `${name}.json`),
    `${JSON.stringify({ bench: name, at, command, machine: m, ...report, options }, null, 2)}\n`,
  );
  writeFileSync(
    join(RESULTS_DIR, `${name}.md`),
    `${TABLE_HEADER}\n${report.rows.map(tableLine).join('\n')}\n\n` +
      `${at.slice(0, 16).replace('T', ' ')} UTC · \`${command}\` · ${describeMachine(m)}\n`,
  );
  log(`report written to ${join(RESULTS_DIR, name)}.json and .md`);
}
