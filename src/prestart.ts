import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dataDir } from './config/data-dir';
import {
  embeddedDatabaseDir,
  EmbeddedPostgresHost,
} from './shared/database/embedded-postgres-host';

/**
 * Imported first by main.ts. On the embedded default, begins opening the database in its worker
 * thread while the application's ~3 000 modules load on this one (about a second each, on two
 * cores at once); `DatabaseTarget` then takes the opened database over. Skipped when a `.env` file
 * could still name another database (the configuration reads it later), and when `DATA_DIR` is
 * empty, which the configuration refuses.
 */
if (!process.env.DATABASE_URL && process.env.DATA_DIR !== '' && !existsSync('.env')) {
  void EmbeddedPostgresHost.prestart(embeddedDatabaseDir(dataDir()));
}

/**
 * Node 22.1+ keeps the compiled code of the modules below on disk (in the system's temporary
 * directory) for the next start: a restart on Node 22 (the Docker image's) took 1.35-1.69 s to
 * healthy instead of 1.73-1.88 s, 5 starts each, interleaved. Node 20 has no such cache; there
 * this does nothing.
 */
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
