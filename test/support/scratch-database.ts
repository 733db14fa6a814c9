import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/shared/database/data-source-options';
import { migrate } from '../../src/shared/database/migrate';

/** The PostgreSQL server of the run, or undefined on PGlite. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export interface PrivateDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a database of its own on the PostgreSQL server of
 * TEST_DATABASE_URL, else a PGlite of its own (in memory, in a child process: PGlite cannot
 * start inside a jest worker's VM). For what must not share the run's test database: a relay or
 * jobs that serve every tenant, plans that depend on the statistics, seeds that would hold
 * PGlite's single session for seconds.
 */
export async function privateDatabase(prefix: string): Promise<PrivateDatabase> {
  if (!POSTGRES_URL) return privatePglite();
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function privatePglite(): Promise<PrivateDatabase> {
  const child = spawn(process.execPath, [join(__dirname, 'pglite-server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`pglite-server exited with ${code}`)));
  });
  return {
    url,
    drop: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

export interface ScratchDatabase extends PrivateDatabase {
  db: DataSource;
}

/** privateDatabase, migrated, with a DataSource of `poolSize` on it; `drop()` closes both. */
export async function migratedDatabase(prefix: string, poolSize = 4): Promise<ScratchDatabase> {
  const database = await privateDatabase(prefix);
  const db = await new DataSource(dataSourceOptions({ url: database.url }, poolSize)).initialize();
  await migrate(db);
  return {
    url: database.url,
    db,
    drop: async () => {
      if (db.isInitialized) await db.destroy();
      await database.drop();
    },
  };
}

/**
 * A fresh, migrated database on the PostgreSQL server of TEST_DATABASE_URL: the services the
 * proofs start run their jobs for every tenant, which on the shared test database would mark
 * other test files' cases.
 */
export function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is required');
  return migratedDatabase(prefix);
}

/**
 * The database a plan test seeds and explains on, of its own on either engine: the shared test
 * database's statistics mix every other test file's tenants (small, skewed, written while the
 * plan test runs), and the planner's row estimates, hence its plans, would follow them. On
 * PGlite a seed of 100 000 rows would also hold the shared database's single session for
 * seconds, and other test files' connections would time out meanwhile.
 */
export const planDatabase = (prefix: string) => migratedDatabase(prefix, 2);
