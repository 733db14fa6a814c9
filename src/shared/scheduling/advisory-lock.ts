import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** First key of every job lock; the single-key migration lock (migrate.ts) lives in another key space. */
const JOB_LOCK_NAMESPACE = 7_310_421;

/** A stable 32-bit key for a lock name (FNV-1a). */
export function lockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of Buffer.from(name, 'utf8')) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export type Exclusive<T> = { ran: true; result: T } | { ran: false };

/**
 * Session-level PostgreSQL advisory locks, so that of several replicas only one runs a job at a
 * time. The lock is taken with pg_try_advisory_lock on a connection held for the whole run (not a
 * transaction: the job's batches commit on their own), and goes away with that connection if the
 * process dies. PGlite is one session and one process, where the lock always succeeds.
 */
@Injectable()
export class AdvisoryLock {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` holding the lock `name`; `{ ran: false }` at once when another session holds it. */
  async runExclusive<T>(name: string, work: () => Promise<T>): Promise<Exclusive<T>> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const key = [JOB_LOCK_NAMESPACE, lockKey(name)];
    try {
      const [{ locked }] = (await runner.query(
        'SELECT pg_try_advisory_lock($1::int, $2::int) AS locked',
        key,
      )) as { locked: boolean }[];
      if (!locked) return { ran: false };
      try {
        return { ran: true, result: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1::int, $2::int)', key);
      }
    } finally {
      await runner.release();
    }
  }
}
