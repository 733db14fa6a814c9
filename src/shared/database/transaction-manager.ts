import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type {
  CustomTypesConfig,
  Pool,
  PoolClient,
  QueryConfig,
  QueryResult,
  QueryResultRow,
} from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { runQuery } from './pg-query';
import { control, sendAhead, TransactionContext } from './transaction-context';

export interface QueryOptions {
  types?: CustomTypesConfig;
}

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

/**
 * The unit of truth: everything a command writes (its rows, activity entries and outbox rows)
 * goes through this manager inside `run`, and commits together or not at all.
 */
@Injectable()
export class TransactionManager implements OnModuleInit {
  private readonly logger = new Logger(TransactionManager.name);
  private readonly storage = new AsyncLocalStorage<TransactionContext>();
  /** Whether the server keeps named statements per connection (not PGlite); asked once. */
  private prepares?: Promise<boolean>;
  /** The answer to `prepares`, once known. */
  private preparesNow?: boolean;
  private readonly statementNames = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  get inTransaction(): boolean {
    return this.context !== undefined;
  }

  /** The transaction this code runs in, if any (see `ended`). */
  private get context(): TransactionContext | undefined {
    const context = this.storage.getStore();
    return context?.ended ? undefined : context;
  }

  /**
   * Runs SQL on the current transaction (or the pool) and returns its rows, for any statement.
   * `types` replaces pg's type parsers for this query (JSON_TIMESTAMPS).
   */
  async query<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
  ): Promise<T[]> {
    return (await this.execute<T>(sql, params, options)).rows;
  }

  /** Like `query`, also telling how many rows an UPDATE or DELETE touched. */
  async execute<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    { types }: QueryOptions = {},
  ): Promise<{ rows: T[]; affected: number }> {
    const result = await this.send<T>({ text: sql, values: params, types });
    const rows = result.rows ?? [];
    return { rows, affected: result.rowCount ?? rows.length };
  }

  /**
   * `query` as a named prepared statement, for hot statements of a fixed text (a handful of
   * variants at most): each pooled connection parses one once, and after a few executions
   * PostgreSQL may keep a generic plan instead of planning every call. On PGlite, whose pooled
   * connections share one session (the names would collide there), a plain `query`.
   */
  async queryPrepared<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const context = this.context;
    if (context?.readingAhead && context.client?.pipeline && this.preparesNow) {
      context.readingAhead = false;
      return sendAhead<T>(context, sql, params, this.statementName(sql));
    }
    if (!(await this.serverPrepares())) return this.query<T>(sql, params);
    const name = this.statementName(sql);
    return (await this.send<T>({ name, text: sql, values: params })).rows;
  }

  /**
   * One statement on the transaction's connection, or outside a transaction on a connection taken
   * from pg's pool for it alone (TypeORM's query runner would only wrap it), answered as TypeORM's
   * `query` answers: its rows and count (no rows for a text of several statements), or a
   * QueryFailedError, a failure to connect included.
   */
  private async send<T>(config: QueryConfig): Promise<QueryResult<T & QueryResultRow>> {
    const ending = this.untilEnded();
    if (ending) await ending;
    const own = this.context?.client;
    let client: PoolClient | undefined;
    try {
      client = own ?? (await this.pool.connect());
      return await runQuery<T & QueryResultRow>(client, config);
    } catch (error) {
      if (error instanceof QueryFailedError) throw error;
      throw new QueryFailedError(config.text, config.values ?? [], error as Error);
    } finally {
      if (!own) client?.release();
    }
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /**
   * A write inside `run` whose rows this transaction's code does not read back from its answer (an
   * INSERT of an activity entry, an outbox event, a new case row). On PostgreSQL it is pipelined:
   * sent behind the statements before it on the transaction's connection without waiting for its
   * answer, so a command's trailing writes and its COMMIT share one round trip. The server runs
   * them in order, so what follows still reads them. If one fails, the transaction fails with
   * that write's error, as if it had been awaited: the server aborts the transaction at the
   * failure, so its COMMIT rolls back, nothing after it is kept and no after-commit reaction runs.
   * On PGlite (one shared session) it is awaited like `query`. `prepared` as in `queryPrepared`.
   */
  async write(sql: string, params: unknown[] = [], { prepared = false } = {}): Promise<void> {
    const context = this.context;
    if (!context?.client) throw new Error('TransactionManager.write needs a transaction (run)');
    if (!context.client.pipeline || !(await this.serverPrepares())) {
      await (prepared ? this.queryPrepared(sql, params) : this.query(sql, params));
      return;
    }
    void sendAhead(context, sql, params, prepared ? this.statementName(sql) : undefined);
  }

  /**
   * Runs `write` in a transaction, then `read(written)` in it: the answer a command gives (what it
   * wrote, as a read shows it). On PostgreSQL, when `read` starts with a prepared statement
   * (`queryPrepared`, before any await), that statement is pipelined like a write: the writes,
   * the read and the COMMIT share one send and one round trip, and no second connection is taken.
   * If it fails, the transaction fails with its error. Otherwise (PGlite, or a read that awaits
   * something first) the read is awaited before the COMMIT. Inside an enclosing transaction,
   * whose COMMIT is not this call's to send, both simply run in it.
   */
  async runThenRead<W, R>(write: () => Promise<W>, read: (written: W) => Promise<R>): Promise<R> {
    if (this.context) return read(await write());
    const { answer } = await this.run(async () => {
      const written = await write();
      const context = this.context!;
      context.readingAhead = true;
      let answer: Promise<R>;
      let sentAhead: boolean;
      try {
        answer = read(written);
      } finally {
        sentAhead = !context.readingAhead; // queryPrepared clears it when it sends ahead
        context.readingAhead = false;
      }
      if (!sentAhead) return { answer: Promise.resolve(await answer) };
      context.ended = true; // the transaction's own code is done: the rest of the read is not
      // Its failure fails the transaction too; the caller sees it once it awaits the answer.
      answer.catch(() => undefined);
      return { answer };
    });
    return answer;
  }

  /**
   * The rest of a read that `runThenRead` sent ahead waits for the COMMIT, then runs on the pool,
   * where it sees what was committed. Anything else goes on at once.
   */
  private untilEnded(): Promise<unknown> | undefined {
    const context = this.storage.getStore();
    return context?.ended ? context.finished : undefined;
  }

  /** Asks the server at start, so that no request pays for the question. */
  async onModuleInit(): Promise<void> {
    await this.serverPrepares();
  }

  private serverPrepares(): Promise<boolean> {
    this.prepares ??= this.dataSource
      .query<{ pglite: boolean }[]>(`SELECT version() LIKE '%PGlite%' AS pglite`)
      .then(
        ([row]) => (this.preparesNow = !row.pglite),
        (error: unknown) => {
          this.prepares = undefined; // asked again next time
          throw error;
        },
      );
    return this.prepares;
  }

  private statementName(sql: string): string {
    let name = this.statementNames.get(sql);
    if (!name) {
      name = `cms_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      this.statementNames.set(sql, name);
    }
    return name;
  }

  /** Runs `work` in one transaction (joining an enclosing one); retries serialization failures. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.context) return work();
    for (let attempt = 1; ; attempt++) {
      const context: TransactionContext = {
        writes: [],
        afterCommit: [],
      };
      try {
        const transaction = this.transaction(context, work).finally(() => (context.ended = true));
        context.finished = transaction.catch(() => undefined);
        const result = await transaction;
        const failedWrite = await this.failedWrite(context);
        if (failedWrite) throw failedWrite;
        await this.runAfterCommit(context);
        return result;
      } catch (thrown) {
        // A failed pipelined write is the cause of whatever failed after it (an aborted transaction).
        const error = (await this.failedWrite(context)) ?? thrown;
        if (attempt >= MAX_ATTEMPTS || !this.isRetryable(error)) throw error;
      }
    }
  }

  /**
   * BEGIN, `work` and COMMIT on one connection from pg's pool, or ROLLBACK if `work` throws. The
   * BEGIN is not waited for: on PostgreSQL it is pipelined like a write, so it leaves with the
   * transaction's first statement, one round trip fewer per transaction (if it fails, everything
   * after it fails with its error). Nor are pipelined writes: the COMMIT follows them on the wire,
   * and its answer comes after theirs. A connection that broke goes back to the pool, which
   * closes it (pg-pool checks each released client).
   */
  private async transaction<T>(context: TransactionContext, work: () => Promise<T>): Promise<T> {
    try {
      const client = (context.client = await this.pool.connect());
      if (client.pipeline && (await this.serverPrepares())) {
        void sendAhead(context, 'BEGIN', [], undefined);
      } else await control(client, 'BEGIN');
      const result = await this.storage.run(context, work);
      await control(client, 'COMMIT');
      return result;
    } catch (error) {
      // As TypeORM's transaction(): the original error is what fails, even if the ROLLBACK fails.
      if (context.client) await control(context.client, 'ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      context.client?.release();
    }
  }

  /**
   * The first pipelined write's failure, if any (taken once). By then every write has its answer:
   * the COMMIT's or ROLLBACK's came after theirs.
   */
  private async failedWrite(context: TransactionContext): Promise<QueryFailedError | undefined> {
    const failures = await Promise.all(context.writes.splice(0));
    return failures.find((failure) => failure !== undefined);
  }

  /** Runs `work` outside the enclosing transaction, if any: what it queries goes to the pool. */
  outside<T>(work: () => T): T {
    return this.storage.exit(work);
  }

  /** Registers a reaction that runs once the enclosing transaction has committed. */
  afterCommit(fn: () => unknown): void {
    const context = this.context;
    if (!context) throw new Error('afterCommit called outside a transaction');
    context.afterCommit.push(fn);
  }

  private async runAfterCommit(context: TransactionContext): Promise<void> {
    for (const fn of context.afterCommit) {
      try {
        await fn();
      } catch (error) {
        this.logger.error({ err: error }, 'after-commit reaction failed');
      }
    }
  }

  private isRetryable(error: unknown): boolean {
    const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError
      ?.code;
    return error instanceof QueryFailedError && code !== undefined && RETRYABLE.has(code);
  }
}
