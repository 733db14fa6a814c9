import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AdvisoryLock } from './advisory-lock';
import { JobsController } from './http/jobs.controller';
import { JobRuns } from './job-runs';
import { JobScheduler } from './job-scheduler';
import { JobSettingsStore } from './job-settings';

/**
 * @nestjs/schedule plus the advisory-locked runner the built-in jobs share, their run log
 * (job_runs) and per-tenant settings (job_settings), and the routes that show and tune them.
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController],
  providers: [AdvisoryLock, JobScheduler, JobRuns, JobSettingsStore],
  exports: [JobScheduler, AdvisoryLock, JobRuns, JobSettingsStore],
})
export class SchedulingModule {}
