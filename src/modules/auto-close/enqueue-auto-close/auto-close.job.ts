import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../../config/configuration';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { JobRuns } from '../../../shared/scheduling/job-runs';
import { JobScheduler } from '../../../shared/scheduling/job-scheduler';
import { JobSettingsStore } from '../../../shared/scheduling/job-settings';
import { runPerTenant } from '../../../shared/scheduling/tenant-runs';
import { autoCloseTenants } from '../queries/eligible-cases.sql';
import { EnqueueAutoClose } from './enqueue-auto-close';

/** The job's name in the SchedulerRegistry and its advisory lock; the cron is AUTO_CLOSE_CRON. */
export const AUTO_CLOSE_JOB = 'auto-close';

/**
 * The built-in CaseAutoCloseJob, once at a time across replicas: queues the eligible cases of
 * each tenant with auto-close configured, unless its settings disable the job, as a run of its own.
 */
@Injectable()
export class AutoCloseJob implements OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly enqueue: EnqueueAutoClose,
    private readonly tx: TransactionManager,
    private readonly runs: JobRuns,
    private readonly settings: JobSettingsStore,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.schedule(AUTO_CLOSE_JOB, this.config.autoCloseCron, () => this.run());
  }

  run(): Promise<{ enqueued: number } | null> {
    return this.scheduler.runExclusive(AUTO_CLOSE_JOB, async () => {
      const configured = await autoCloseTenants(this.tx);
      const settings = await this.settings.forTenants(configured);
      const tenants = configured.filter((t) => settings.get(t)!.enabled.autoClose);
      return runPerTenant(this.runs, AUTO_CLOSE_JOB, tenants, { enqueued: 0 }, (clientId) =>
        this.enqueue.run({ clientId }),
      );
    });
  }
}
