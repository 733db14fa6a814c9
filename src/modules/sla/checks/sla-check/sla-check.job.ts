import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../../../config/configuration';
import { JobScheduler } from '../../../../shared/scheduling/job-scheduler';
import { SlaCheck, SlaCheckResult } from './sla-check';

/** The job's name in the SchedulerRegistry and its advisory lock; the cron is SLA_CHECK_CRON. */
export const SLA_CHECK_JOB = 'sla-check';

/** The built-in SLA check: every tenant, once at a time across replicas. */
@Injectable()
export class SlaCheckJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly check: SlaCheck,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(SLA_CHECK_JOB, this.config.slaCheckCron, () => this.run());
  }

  run(): Promise<SlaCheckResult | null> {
    return this.scheduler.runExclusive(SLA_CHECK_JOB, () =>
      this.check.run({ continueOnError: this.config.continueOnError }),
    );
  }
}
