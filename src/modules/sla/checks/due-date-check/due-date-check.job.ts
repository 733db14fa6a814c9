import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../../../config/configuration';
import { JobScheduler } from '../../../../shared/scheduling/job-scheduler';
import { DueDateCheck, DueDateCheckResult } from './due-date-check';

/** The job's name in the SchedulerRegistry and its advisory lock; the cron is DUE_DATE_CHECK_CRON. */
export const DUE_DATE_CHECK_JOB = 'due-date-check';

/** The built-in due-date check over DUE_DATE_CASE_TYPE_IDS (none: checks nothing), every tenant. */
@Injectable()
export class DueDateCheckJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly check: DueDateCheck,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(DUE_DATE_CHECK_JOB, this.config.dueDateCheckCron, () => this.run());
  }

  run(): Promise<DueDateCheckResult | null> {
    const { dueDateCaseTypeIds: caseTypeIds, continueOnError } = this.config;
    return this.scheduler.runExclusive(DUE_DATE_CHECK_JOB, () =>
      this.check.run({ caseTypeIds, continueOnError }),
    );
  }
}
