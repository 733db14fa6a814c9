import type { PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';

/**
 * `client.query(config)`, answered through pg's callback rather than through its promise.
 *
 * pg's promise form builds the query first and gives it its callback afterwards. Measured with
 * `--trace-gc-nvp` and V8's sampling heap profiler (2026-12-03, a page of the case list): the rows
 * of a query asked that way outlived the young-generation collections that followed and were
 * promoted to the old generation, where only a full collection freed them, so every young
 * collection copied megabytes (3–5 ms each instead of under 1) and a full one ran every few
 * seconds. With the callback passed along with the query, as pg's own `Pool.query` does, nothing
 * survived. The cause lies in pg and V8; this is the form that does not trigger it.
 */
export function runQuery<R extends QueryResultRow>(
  client: PoolClient,
  config: QueryConfig,
): Promise<QueryResult<R>> {
  return new Promise((resolve, reject) => {
    client.query<R>(config, (error: Error | undefined, result: QueryResult<R>) =>
      error ? reject(error) : resolve(result),
    );
  });
}
