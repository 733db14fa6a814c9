import { Module } from '@nestjs/common';
import { SchedulingModule } from '../../shared/scheduling/scheduling.module';
import { DefinitionsModule } from '../definitions';
import { DeadlineMarksRecorder } from './checks/deadline-marks.recorder';
import { DueDateCheck } from './checks/due-date-check/due-date-check';
import { DueDateCheckJob } from './checks/due-date-check/due-date-check.job';
import { SlaCheck } from './checks/sla-check/sla-check';
import { SlaCheckJob } from './checks/sla-check/sla-check.job';
import { DeadlineChecksController } from './http/deadline-checks.controller';
import { SqlSlaTracker } from './infrastructure/sla-tracker.sql';
import { SlaTracker } from './sla-tracker';
import { CaseClocksSubscriber } from './subscribers/case-clocks.subscriber';

const controllers = [DeadlineChecksController];
const checks = [SlaCheck, DueDateCheck, DeadlineMarksRecorder];
const jobs = [SlaCheckJob, DueDateCheckJob];

/**
 * SLA clocks (sla_instances: started and moved by CaseClocksSubscriber inside every case
 * command's transaction), the SLA and due-date checks and their jobs.
 */
@Module({
  imports: [DefinitionsModule, SchedulingModule],
  controllers,
  providers: [
    ...checks,
    ...jobs,
    { provide: SlaTracker, useClass: SqlSlaTracker },
    CaseClocksSubscriber,
  ],
})
export class SlaModule {}
