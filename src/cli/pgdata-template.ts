import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../shared/database/data-source-options';
import { EMBEDDED_START_PARAMS, EmbeddedPostgres } from '../shared/database/embedded-postgres';
import { migrate } from '../shared/database/migrate';
import {
  migrationNames,
  pgliteVersion,
  TEMPLATE_FILE,
  TEMPLATE_MANIFEST,
  TemplateManifest,
} from '../shared/database/pgdata-template';

/**
 * Run by `npm run build`: writes dist/pgdata-template.tar.gz, an embedded data directory after
 * initdb and every migration, which a first start unpacks instead of doing both (see
 * pgdata-template.ts). Without it the service still starts, only slower the first time.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const embedded = await EmbeddedPostgres.start();
  try {
    // Two connections: migrate() holds one for its advisory lock while the migrations run.
    const dataSource = await new DataSource(dataSourceOptions(embedded.connection, 2)).initialize();
    try {
      await migrate(dataSource);
    } finally {
      await dataSource.destroy();
    }
    await embedded.db.exec('CHECKPOINT');
    const dump = await embedded.db.dumpDataDir('gzip');
    writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
    const manifest: TemplateManifest = {
      pglite: pgliteVersion(),
      startParams: EMBEDDED_START_PARAMS,
      migrations: migrationNames(),
    };
    writeFileSync(TEMPLATE_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  } finally {
    await embedded.stop();
  }
  process.stderr.write(`embedded database template written in ${Date.now() - started} ms\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
