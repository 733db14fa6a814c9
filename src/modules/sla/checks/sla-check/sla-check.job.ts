import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../../../config/configuration';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { JobRuns } from '../../../../shared/scheduling/job-runs';
import { JobScheduler } from '../../../../shared/scheduling/job-scheduler';
import { JobSettingsStore } from '../../../../shared/scheduling/job-settings';
import { runPerTenant } from '../../../../shared/scheduling/tenant-runs';
import { Clock } from '../../../../shared/time/clock';
import { SlaCheck, SlaCheckResult } from './sla-check';
import { dueSlaTenants } from './sla-check.sql';

/** The job's name in the SchedulerRegistry and its advisory lock; the cron is SLA_CHECK_CRON. */
export const SLA_CHECK_JOB = 'sla-check';

const ZERO: SlaCheckResult = {
  checked: 0,
  warned: 0,
  violated: 0,
  escalated: 0,
  errors: 0,
  stopped: false,
};

/**
 * The built-in SLA check, once at a time across replicas: each tenant with SLA work due, unless
 * its settings disable the job, as a run of its own (its continueOnError, its row in the run
 * log). Resolves to the sum over the tenants.
 */
@Injectable()
export class SlaCheckJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly check: SlaCheck,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly runs: JobRuns,
    private readonly settings: JobSettingsStore,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(SLA_CHECK_JOB, this.config.slaCheckCron, () => this.run());
  }

  run(): Promise<SlaCheckResult | null> {
    return this.scheduler.runExclusive(SLA_CHECK_JOB, async () => {
      const due = await dueSlaTenants(this.tx, this.clock.now());
      const settings = await this.settings.forTenants(due);
      const tenants = due.filter((t) => settings.get(t)!.enabled.slaCheck);
      return runPerTenant(this.runs, SLA_CHECK_JOB, tenants, ZERO, (clientId) =>
        this.check.run({ clientId, continueOnError: settings.get(clientId)!.continueOnError }),
      );
    });
  }
}
