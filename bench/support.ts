/* What every benchmark script shares: flags, progress lines, its throwaway schema, the application
 * booted against it, and the report written to bench/results/. */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/** The environment the application reads on import: production mode, quiet, no jobs or demo data. */
export function applyBenchEnv(url: string, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    DEMO_DATA: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cms-bench-')),
    ...overrides,
  });
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
  const app = await NestFactory.create(AppModule, { bodyParser: false, logger: false });
  configureApp(app as Parameters<typeof configureApp>[0]);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}`, secret: process.env.JWT_SECRET as string };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
}

export async function machine(databaseUrl: string): Promise<Machine> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      `SELECT current_setting('server_version') AS v`,
    );
    return {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      postgres: rows[0].v,
    };
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
  databaseUrl: string,
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
