import { Module } from '@nestjs/common';
import { SchedulingModule } from '../../shared/scheduling/scheduling.module';
import { ActivityModule } from '../activity/activity.module';
import { DeadlineMarksRecorder } from './checks/deadline-marks.recorder';
import { DueDateCheck } from './checks/due-date-check/due-date-check';
import { DueDateCheckJob } from './checks/due-date-check/due-date-check.job';
import { SlaCheck } from './checks/sla-check/sla-check';
import { SlaCheckJob } from './checks/sla-check/sla-check.job';
import { DeadlineChecksController } from './http/deadline-checks.controller';
import { SqlSlaTracker } from './infrastructure/sla-tracker.sql';
import { SlaTracker } from './sla-tracker';

const controllers = [DeadlineChecksController];
const checks = [SlaCheck, DueDateCheck, DeadlineMarksRecorder];
const jobs = [SlaCheckJob, DueDateCheckJob];

/** SLA clocks (the SlaTracker port the case repository calls), the SLA and due-date checks and their jobs. */
@Module({
  imports: [ActivityModule, SchedulingModule],
  controllers,
  providers: [...checks, ...jobs, { provide: SlaTracker, useClass: SqlSlaTracker }],
  exports: [SlaTracker],
})
export class SlaModule {}
