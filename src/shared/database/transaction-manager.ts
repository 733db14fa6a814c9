import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

interface TransactionContext {
  manager: EntityManager;
  afterCommit: (() => unknown)[];
}

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

/**
 * The unit of truth: everything a command writes (its rows, activity entries and outbox rows)
 * goes through `manager` inside `run`, and commits together or not at all.
 */
@Injectable()
export class TransactionManager implements OnModuleInit {
  private readonly logger = new Logger(TransactionManager.name);
  private readonly storage = new AsyncLocalStorage<TransactionContext>();
  /** Whether the server keeps named statements per connection (not PGlite); asked once. */
  private prepares?: Promise<boolean>;
  private readonly statementNames = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** The transaction's manager inside `run`, the pool's outside it. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /** Runs SQL on the current transaction (or the pool) and returns its rows, for any statement. */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.execute<T>(sql, params)).rows;
  }

  /** Like `query`, also telling how many rows an UPDATE or DELETE touched. */
  async execute<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<{ rows: T[]; affected: number }> {
    const own = this.storage.getStore()?.manager.queryRunner;
    const runner = own ?? this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      const rows = (result.records ?? []) as T[];
      return { rows, affected: result.affected ?? rows.length };
    } finally {
      if (!own) await runner.release();
    }
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
    if (!(await this.serverPrepares())) return this.query<T>(sql, params);
    const own = this.storage.getStore()?.manager.queryRunner;
    const runner = own ?? this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const name = this.statementName(sql);
      return (await client.query({ name, text: sql, values: params })).rows as T[];
    } catch (error) {
      if (error instanceof QueryFailedError) throw error;
      throw new QueryFailedError(sql, params, error as Error);
    } finally {
      if (!own) await runner.release();
    }
  }

  /** Asks the server at start, so that no request pays for the question. */
  async onModuleInit(): Promise<void> {
    await this.serverPrepares();
  }

  private serverPrepares(): Promise<boolean> {
    this.prepares ??= this.dataSource
      .query<{ pglite: boolean }[]>(`SELECT version() LIKE '%PGlite%' AS pglite`)
      .then(
        ([row]) => !row.pglite,
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
    if (this.storage.getStore()) return work();
    for (let attempt = 1; ; attempt++) {
      const context: TransactionContext = { manager: this.dataSource.manager, afterCommit: [] };
      try {
        const result = await this.dataSource.transaction((manager) => {
          context.manager = manager;
          return this.storage.run(context, work);
        });
        await this.runAfterCommit(context);
        return result;
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !this.isRetryable(error)) throw error;
      }
    }
  }

  /** Runs `work` outside the enclosing transaction, if any: what it queries goes to the pool. */
  outside<T>(work: () => T): T {
    return this.storage.exit(work);
  }

  /** Registers a reaction that runs once the enclosing transaction has committed. */
  afterCommit(fn: () => unknown): void {
    const context = this.storage.getStore();
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
