import { Module } from '@nestjs/common';
import { ActivityLog } from './activity-log';
import { CaseActivitiesController } from './http/case-activities.controller';
import { ActivityLogSqlRepository } from './infrastructure/activity-log.sql-repository';
import { ListCaseActivitiesHandler } from './queries/list-case-activities/list-case-activities.handler';

const controllers = [CaseActivitiesController];
const queryHandlers = [ListCaseActivitiesHandler];

@Module({
  controllers,
  providers: [...queryHandlers, { provide: ActivityLog, useClass: ActivityLogSqlRepository }],
  exports: [ActivityLog],
})
export class ActivityModule {}
