import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../../../config/configuration';
import { JobRuns } from '../../../../shared/scheduling/job-runs';
import { JobScheduler } from '../../../../shared/scheduling/job-scheduler';
import { JobSettingsStore } from '../../../../shared/scheduling/job-settings';
import { runPerTenant } from '../../../../shared/scheduling/tenant-runs';
import { DueDateCheck, DueDateCheckResult } from './due-date-check';

/** The job's name in the SchedulerRegistry and its advisory lock; the cron is DUE_DATE_CHECK_CRON. */
export const DUE_DATE_CHECK_JOB = 'due-date-check';

const ZERO: DueDateCheckResult = { checked: 0, warned: 0, exceeded: 0, errors: 0, stopped: false };

/**
 * The built-in due-date check, once at a time across replicas: each tenant with case types to
 * check (its own dueDateCaseTypeIds setting, else those of DUE_DATE_CASE_TYPE_IDS that are its
 * own; none: nothing), unless its settings disable the job, as a run of its own.
 */
@Injectable()
export class DueDateCheckJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly check: DueDateCheck,
    private readonly runs: JobRuns,
    private readonly settings: JobSettingsStore,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(DUE_DATE_CHECK_JOB, this.config.dueDateCheckCron, () => this.run());
  }

  run(): Promise<DueDateCheckResult | null> {
    return this.scheduler.runExclusive(DUE_DATE_CHECK_JOB, async () => {
      const byDefault = await this.settings.ownCaseTypes(null, this.config.dueDateCaseTypeIds);
      const overrides = await this.settings.dueDateOverrides();
      const candidates = [...new Set([...byDefault.keys(), ...overrides.keys()])].sort();
      const settings = await this.settings.forTenants(candidates);
      const tenants = candidates.filter((t) => {
        const s = settings.get(t)!;
        return s.enabled.dueDateCheck && s.dueDateCaseTypeIds.length > 0;
      });
      return runPerTenant(this.runs, DUE_DATE_CHECK_JOB, tenants, ZERO, (clientId) => {
        const { dueDateCaseTypeIds: caseTypeIds, continueOnError } = settings.get(clientId)!;
        return this.check.run({ clientId, caseTypeIds, continueOnError });
      });
    });
  }
}
