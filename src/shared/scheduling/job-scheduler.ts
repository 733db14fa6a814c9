import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { jobsConfig, JobsConfig } from '../../config/configuration';
import { AdvisoryLock } from './advisory-lock';

/**
 * Registers the built-in jobs with @nestjs/schedule when JOBS_ENABLED, and runs each under its
 * advisory lock with a log line for the start, the summary, a skip or a failure. A tick that
 * comes while the previous run of the same job is still going is skipped (waitForCompletion).
 */
@Injectable()
export class JobScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly lock: AdvisoryLock,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  /**
   * Calls `tick` on `cron` as job `name` (a job's tick is its runExclusive call); false, and nothing
   * scheduled, when jobs are disabled.
   */
  schedule(name: string, cron: string, tick: () => Promise<unknown>): boolean {
    if (!this.config.enabled) return false;
    const job = CronJob.from({
      cronTime: cron,
      onTick: () => this.track(tick()),
      waitForCompletion: true,
    });
    this.registry.addCronJob(name, job);
    job.start();
    this.logger.log({ job: name, cron }, 'job scheduled');
    return true;
  }

  /** Runs `work` once under the job's lock; resolves to its summary, or null when skipped or failed. */
  async runExclusive<T extends object>(name: string, work: () => Promise<T>): Promise<T | null> {
    const started = Date.now();
    try {
      const outcome = await this.lock.runExclusive(name, () => {
        this.logger.log({ job: name }, 'job started');
        return work();
      });
      if (!outcome.ran) {
        this.logger.log({ job: name }, 'job skipped: another replica is running it');
        return null;
      }
      this.logger.log({ job: name, ms: Date.now() - started, ...outcome.result }, 'job finished');
      return outcome.result;
    } catch (error) {
      this.logger.error({ job: name, err: error }, 'job failed');
      return null;
    }
  }

  /** Lets a run in progress finish before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async track(run: Promise<unknown>): Promise<void> {
    this.running.add(run);
    try {
      await run;
    } finally {
      this.running.delete(run);
    }
  }
}
