import { Extension, PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinExtendedProtocolSequences } from './pglite-socket-queue';
import { isEmptyDir, usableTemplate } from './pgdata-template';

// The package's contrib typings are ESM-only; the CommonJS build is what runs here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as { pgcrypto: Extension };

/**
 * PGlite's own start parameters, with smaller shared buffers: PostgreSQL's 128 MB are touched at
 * start and made two thirds of the idle process (~330 MB of ~450 MB with PGlite alone); 16 MB
 * keep it under 200 MB. Pages beyond them come from the operating system's cache (the data
 * directory is a real directory), and WAL buffers follow (1/32 of them).
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export interface PgConnection {
  host: string;
  port: number;
  username: string;
  database: string;
}

/**
 * PGlite (Postgres compiled to WASM) served on a private Unix socket, so the application reaches
 * it through the ordinary `pg` driver exactly as it reaches PostgreSQL. The socket server
 * multiplexes connections onto PGlite's single session and keeps a transaction's statements
 * together, so transactions are serialized rather than interleaved.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDir: string,
    /** How the data directory came to be: found, unpacked from the build's template, or initdb. */
    readonly origin: 'existing' | 'template' | 'initdb' | 'memory',
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async start(dataDir?: string): Promise<EmbeddedPostgres> {
    const { db, origin } = await open(dataDir);
    const socketDir = mkdtempSync(join(tmpdir(), 'cms-pg-'));
    const server = new PGLiteSocketServer({
      db,
      path: join(socketDir, '.s.PGSQL.5432'),
      maxConnections: 200,
    });
    pinExtendedProtocolSequences(server);
    await server.start();
    return new EmbeddedPostgres(db, server, socketDir, origin);
  }

  get connection(): PgConnection {
    return { host: this.socketDir, port: 5432, username: 'postgres', database: 'postgres' };
  }

  get url(): string {
    return `postgresql://postgres@${encodeURIComponent(this.socketDir)}:5432/postgres`;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    rmSync(this.socketDir, { recursive: true, force: true });
  }
}

async function open(dataDir?: string): Promise<{ db: PGlite; origin: EmbeddedPostgres['origin'] }> {
  const options = { dataDir, extensions: { pgcrypto }, startParams: EMBEDDED_START_PARAMS };
  if (!dataDir) return { db: await PGlite.create(options), origin: 'memory' };
  const empty = isEmptyDir(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const template = empty ? usableTemplate(EMBEDDED_START_PARAMS) : undefined;
  if (template) {
    try {
      const db = await PGlite.create({
        ...options,
        loadDataDir: new Blob([new Uint8Array(template)]),
      });
      return { db, origin: 'template' };
    } catch {
      // A damaged template leaves a partial directory: start over from initdb.
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
    }
  }
  return { db: await PGlite.create(options), origin: empty ? 'initdb' : 'existing' };
}
