import { Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

const logger = new Logger('DatabasePool');
const GUARDED = Symbol('pool-client-error-guard');

function guard(client: PoolClient & { [GUARDED]?: true }): void {
  if (client[GUARDED]) return;
  client[GUARDED] = true;
  client.on('error', (error: Error) =>
    logger.warn(`a pooled database connection failed: ${error.message}`),
  );
}

/**
 * pg's pool listens for errors only on idle clients, and TypeORM adds no listener to the clients
 * it checks out, so a connection that the server ends while checked out but between two queries
 * (a restart, pg_terminate_backend, a failover) emitted an unhandled 'error' and took the process
 * down. Every client gets a listener: the failure is logged, the next query on that client fails,
 * and the request answers 503 like any lost connection.
 */
export function guardPoolClientErrors(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.on !== 'function') return;
  pool.on('connect', guard);
  const existing = (pool as unknown as { _clients?: PoolClient[] })._clients ?? [];
  existing.forEach(guard);
}
