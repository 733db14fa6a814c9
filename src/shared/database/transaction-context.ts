import type { Writable } from 'node:stream';
import type { PoolClient, QueryResultRow } from 'pg';
import { QueryFailedError } from 'typeorm';
import { runQuery } from './pg-query';

/** What TransactionManager keeps of one transaction, in its async context. */
export interface TransactionContext {
  /** The transaction's connection, once it has begun. */
  client?: PoolClient;
  /** The pipelined writes (`write`), in the order they were sent, each settled to its failure. */
  writes: Promise<QueryFailedError | undefined>[];
  /** Whether the connection's socket is holding this tick's statements back (`sendTogether`). */
  corked?: boolean;
  /** While `runThenRead` starts its read: the first prepared read is pipelined too. */
  readingAhead?: boolean;
  /**
   * Set once the transaction's code is done (its read sent ahead) or the transaction has ended:
   * whatever runs on in its async context (the rest of that read) is outside it, once it ended.
   */
  ended?: boolean;
  /** Settles when the transaction has committed or rolled back. */
  finished?: Promise<unknown>;
  afterCommit: (() => unknown)[];
}

/**
 * Holds the transaction's socket until this tick's work is done, so that the statements queued
 * meanwhile (a command's pipelined writes and the COMMIT behind them) leave in one send instead of
 * one each: fewer system calls here and fewer wake-ups of the server. pg corks the socket around
 * each statement's messages (Query.submit); this is the same cork held a little longer. Nothing
 * can wait on a held statement before the uncork: an answer needs I/O, which runs after this
 * tick's `process.nextTick` callbacks.
 */
function sendTogether(context: TransactionContext): void {
  if (context.corked) return;
  const socket = (context.client as PoolClient & { connection?: { stream?: Writable } }).connection
    ?.stream;
  if (typeof socket?.cork !== 'function') return;
  socket.cork();
  context.corked = true;
  process.nextTick(() => {
    context.corked = false;
    socket.uncork();
  });
}

/**
 * Sends a statement on the transaction's connection without waiting for the ones before it to
 * be answered, and records its outcome: TransactionManager.run fails the transaction with the
 * first failure.
 */
export function sendAhead<T>(
  context: TransactionContext,
  sql: string,
  params: unknown[],
  name: string | undefined,
): Promise<T[]> {
  sendTogether(context);
  const answer = runQuery<T & QueryResultRow>(context.client!, {
    name,
    text: sql,
    values: params,
  }).then(
    (result) => result.rows,
    (error: unknown) => {
      throw new QueryFailedError(sql, params, error as Error);
    },
  );
  context.writes.push(
    answer.then(
      () => undefined,
      (error: QueryFailedError) => error,
    ),
  );
  return answer;
}

/** A transaction control statement, failing as TypeORM's query would (QueryFailedError). */
export async function control(
  client: PoolClient,
  sql: 'BEGIN' | 'COMMIT' | 'ROLLBACK',
): Promise<void> {
  try {
    await runQuery(client, { text: sql });
  } catch (error) {
    throw new QueryFailedError(sql, [], error as Error);
  }
}
