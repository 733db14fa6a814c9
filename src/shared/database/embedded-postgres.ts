import { Extension, PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinExtendedProtocolSequences } from './pglite-socket-queue';

// The package's contrib typings are ESM-only; the CommonJS build is what runs here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as { pgcrypto: Extension };

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
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDir: string,
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async start(dataDir?: string): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir, extensions: { pgcrypto } });
    const socketDir = mkdtempSync(join(tmpdir(), 'cms-pg-'));
    const server = new PGLiteSocketServer({
      db,
      path: join(socketDir, '.s.PGSQL.5432'),
      maxConnections: 200,
    });
    pinExtendedProtocolSequences(server);
    await server.start();
    return new EmbeddedPostgres(db, server, socketDir);
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
