import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiRead } from '../../../shared/http/api-responses';
import { read, ReadEnvelope } from '../../../shared/http/envelope';
import { Clock } from '../../../shared/time/clock';
import { reportPeriod } from '../domain/report-period';
import { SlaReportQuery } from '../queries/sla-report/sla-report.query';
import { SlaReportRequestDto } from '../queries/sla-report/sla-report.request.dto';
import { SlaReportResponseDto } from './sla-report.response.dto';

const instant = (value?: string) => (value === undefined ? undefined : new Date(value));

@ApiTags('reports')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  /** Per group and metric, the SLAs started in [from, to): met, breached, open, stopped, and percentiles of business minutes to met. */
  @Get('sla')
  @RequirePermissions(Permission.CASE_REPORT_VIEW)
  @ApiRead(SlaReportResponseDto)
  @ApiErrors(ErrorCode.InvalidReportPeriod)
  async sla(
    @CurrentActor() actor: Actor,
    @Query() q: SlaReportRequestDto,
  ): Promise<ReadEnvelope<SlaReportResponseDto>> {
    const period = reportPeriod(instant(q.from), instant(q.to), this.clock.now());
    const groupBy = q.groupBy ?? 'caseType';
    return read(await this.queries.execute(new SlaReportQuery(actor, period, groupBy)));
  }
}
