import { existsSync } from 'node:fs';
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
