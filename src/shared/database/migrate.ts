import { DataSource } from 'typeorm';

/** Arbitrary constant: every replica takes the same advisory lock before migrating. */
const MIGRATION_LOCK_KEY = 7_310_421;

/** Runs pending migrations under an advisory lock so replicas starting together are safe. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}
