import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/shared/database/data-source-options';
import { EmbeddedPostgres } from '../../src/shared/database/embedded-postgres';
import { migrate } from '../../src/shared/database/migrate';

declare global {
  var __embeddedPostgres: EmbeddedPostgres | undefined;
}

/**
 * PostgreSQL when TEST_DATABASE_URL is set, otherwise one in-memory PGlite served from this
 * process to every worker. Test files isolate their data by tenant, so they share one schema.
 */
export default async function globalSetup(): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const embedded = await EmbeddedPostgres.start();
    globalThis.__embeddedPostgres = embedded;
    url = embedded.url;
  }
  process.env.CMS_TEST_DATABASE_URL = url;
  const dataSource = await new DataSource(dataSourceOptions({ url }, 2)).initialize();
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
