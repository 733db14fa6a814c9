import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PgConnection } from './embedded-postgres';

export type ConnectionTarget = { url: string } | PgConnection;

export function dataSourceOptions(
  target: ConnectionTarget,
  poolSize = 10,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    ...target,
    uuidExtension: 'pgcrypto',
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: 'case-management',
      // Queries are sent as soon as they are issued, not after the previous one's answer: what
      // TransactionManager.write uses to send a command's trailing writes and COMMIT together.
      // Awaited one by one, queries behave as without it.
      pipeline: true,
    },
  };
}
