import { Module } from '@nestjs/common';
import { SchedulingModule } from '../../shared/scheduling/scheduling.module';
import { CalendarsModule } from '../calendars';
import { DefinitionsModule } from '../definitions';
import { DeadlineMarksRecorder } from './checks/deadline-marks.recorder';
import { DueDateCheck } from './checks/due-date-check/due-date-check';
import { DueDateCheckJob } from './checks/due-date-check/due-date-check.job';
import { EscalationWrites } from './checks/sla-check/escalation-writes';
import { SlaCheck } from './checks/sla-check/sla-check';
import { SlaCheckJob } from './checks/sla-check/sla-check.job';
import { CaseSlasController } from './http/case-slas.controller';
import { SlaPreviewController } from './http/sla-preview.controller';
import { SlaRecompute } from './infrastructure/sla-recompute.sql';
import { PreviewSlasHandler } from './queries/preview-slas/preview-slas.handler';
import { SlaRecomputeSubscriber } from './subscribers/sla-recompute.subscriber';
import { DeadlineChecksController } from './http/deadline-checks.controller';
import { ListCaseSlasHandler } from './queries/list-case-slas/list-case-slas.handler';
import { SqlSlaTracker } from './infrastructure/sla-tracker.sql';
import { SlaTracker } from './sla-tracker';
import { CaseClocksSubscriber } from './subscribers/case-clocks.subscriber';

const controllers = [DeadlineChecksController, CaseSlasController, SlaPreviewController];
const checks = [SlaCheck, DueDateCheck, DeadlineMarksRecorder, EscalationWrites];
const jobs = [SlaCheckJob, DueDateCheckJob];

/**
 * SLA clocks (sla_instances: started and moved by CaseClocksSubscriber inside every case
 * command's transaction), the SLA and due-date checks and their jobs.
 */
@Module({
  imports: [DefinitionsModule, CalendarsModule, SchedulingModule],
  controllers,
  providers: [
    ...checks,
    ...jobs,
    { provide: SlaTracker, useClass: SqlSlaTracker },
    CaseClocksSubscriber,
    ListCaseSlasHandler,
    PreviewSlasHandler,
    SlaRecompute,
    SlaRecomputeSubscriber,
  ],
})
export class SlaModule {}
