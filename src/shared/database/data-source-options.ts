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
    },
  };
}
