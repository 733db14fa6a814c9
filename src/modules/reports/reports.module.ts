import { Module } from '@nestjs/common';
import { ReportsController } from './http/reports.controller';
import { SlaReportHandler } from './queries/sla-report/sla-report.handler';

const controllers = [ReportsController];
const queryHandlers = [SlaReportHandler];

/** Read-only reports over the tenant's cases and their SLA instances (owns no table). */
@Module({ controllers, providers: [...queryHandlers] })
export class ReportsModule {}
