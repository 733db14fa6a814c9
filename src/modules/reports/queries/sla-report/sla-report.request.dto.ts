import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { REPORT_GROUPINGS, ReportGrouping } from './sla-report.query';

const WITH_ZONE = /(Z|[+-]\d{2}:\d{2})$/;
const ZONE_MESSAGE = 'must be an ISO 8601 date-time with Z or an offset';

export class SlaReportRequestDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-01-01T00:00:00Z',
    description:
      'Start of the period (inclusive): SLAs started at or after it. Default: 30 days before `to`.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_ZONE, { message: `from ${ZONE_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-02-01T00:00:00Z',
    description:
      'End of the period (exclusive): SLAs started before it. Default: now. At most 366 days after `from`.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_ZONE, { message: `to ${ZONE_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({
    enum: REPORT_GROUPINGS,
    default: 'caseType',
    description:
      'caseType and priority: the case’s current one; group: each group the case is assigned to (a case with none under null).',
  })
  @IsOptional()
  @IsIn(REPORT_GROUPINGS)
  groupBy?: ReportGrouping;
}
