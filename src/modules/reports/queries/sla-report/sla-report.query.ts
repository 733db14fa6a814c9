import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { SlaReportResponseDto } from '../../http/sla-report.response.dto';
import { ReportPeriod } from '../../domain/report-period';

export const REPORT_GROUPINGS = ['caseType', 'priority', 'group'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export class SlaReportQuery extends Query<SlaReportResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly period: ReportPeriod,
    readonly groupBy: ReportGrouping,
  ) {
    super();
  }
}
