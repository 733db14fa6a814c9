import { Inject, Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { jobsConfig, JobsConfig } from '../../config/configuration';
import { TransactionManager } from '../database/transaction-manager';
import { Clock } from '../time/clock';
import { JobName, JobTrigger } from './job-names';

/** This process, as the runs it makes name it: set once per process. */
export const REPLICA = `${hostname()}:${process.pid}`;

/** A run's summary: counts (`checked`, `warned`, `enqueued`, …) and, for checks, errors and stopped. */
export type RunSummary = { errors?: number; stopped?: boolean } & Record<string, unknown>;

/**
 * The run log of the jobs (`job_runs`), one row per run for one tenant. The row is inserted,
 * on its own, before the work starts and completed after it, so a run that failed shows its
 * failure and one killed mid-way stays with `ended_at` null.
 */
@Injectable()
export class JobRuns {
  private readonly logger = new Logger(JobRuns.name);

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  async record<T extends object>(
    run: { job: JobName; clientId: string; trigger: JobTrigger },
    work: () => Promise<T>,
  ): Promise<T> {
    const [{ id }] = await this.tx.query<{ id: string }>(
      `INSERT INTO job_runs (client_id, job, trigger, replica, started_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [run.clientId, run.job, run.trigger, REPLICA, this.clock.now()],
    );
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.end(id, {}, 1, true, error instanceof Error ? error.message : String(error));
      throw error;
    }
    const { errors, stopped, ...counts } = result as RunSummary;
    await this.end(id, counts, errors ?? 0, stopped ?? false, null);
    return result;
  }

  /** Deletes the runs started before JOB_RUNS_RETENTION_DAYS (the scheduled jobs call it). */
  async prune(): Promise<void> {
    const before = new Date(
      this.clock.now().getTime() - this.config.runsRetentionDays * 86_400_000,
    );
    await this.tx.query(`DELETE FROM job_runs WHERE started_at < $1`, [before]);
  }

  private async end(
    id: string,
    counts: Record<string, unknown>,
    errors: number,
    stopped: boolean,
    failure: string | null,
  ): Promise<void> {
    try {
      await this.tx.query(
        `UPDATE job_runs SET ended_at = $2, counts = $3::jsonb, errors = $4, stopped = $5, failure = $6
          WHERE id = $1`,
        [
          id,
          this.clock.now(),
          JSON.stringify(counts),
          errors,
          stopped,
          failure?.slice(0, 1000) ?? null,
        ],
      );
    } catch (error) {
      // The run's own outcome stands; its log row stays open, like a killed run's.
      this.logger.error({ err: error, runId: id }, 'could not complete the job run row');
    }
  }
}
