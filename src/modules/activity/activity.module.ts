import { Module } from '@nestjs/common';
import { ActivityLog } from './activity-log';
import { CaseActivitiesController } from './http/case-activities.controller';
import { ActivityLogSqlRepository } from './infrastructure/activity-log.sql-repository';
import { ActivitySubscriber } from './infrastructure/activity.subscriber';
import { ListCaseActivitiesHandler } from './queries/list-case-activities/list-case-activities.handler';

const controllers = [CaseActivitiesController];
const queryHandlers = [ListCaseActivitiesHandler];

/** The case activity log: written by ActivitySubscriber from the events every change stores. */
@Module({
  controllers,
  providers: [
    ...queryHandlers,
    { provide: ActivityLog, useClass: ActivityLogSqlRepository },
    ActivitySubscriber,
  ],
  exports: [ActivityLog],
})
export class ActivityModule {}
