import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../../config/configuration';
import { JobScheduler } from '../../../shared/scheduling/job-scheduler';
import { EnqueueAutoClose } from './enqueue-auto-close';

/** The job's name in the SchedulerRegistry and its advisory lock; the cron is AUTO_CLOSE_CRON. */
export const AUTO_CLOSE_JOB = 'auto-close';

/** The built-in CaseAutoCloseJob: queues the eligible cases of every tenant, once at a time across replicas. */
@Injectable()
export class AutoCloseJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly enqueue: EnqueueAutoClose,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(AUTO_CLOSE_JOB, this.config.autoCloseCron, () => this.run());
  }

  run(): Promise<{ enqueued: number } | null> {
    return this.scheduler.runExclusive(AUTO_CLOSE_JOB, () => this.enqueue.run());
  }
}
