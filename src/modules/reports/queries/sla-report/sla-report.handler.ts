import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import {
  SlaMetricStatsDto,
  SlaReportGroupDto,
  SlaReportResponseDto,
} from '../../http/sla-report.response.dto';
import { SlaReportQuery } from './sla-report.query';
import { SlaReportRow, slaReportSql } from './sla-report.sql';

const EMPTY: SlaMetricStatsDto = {
  total: 0,
  met: 0,
  breached: 0,
  open: 0,
  stopped: 0,
  p50Minutes: null,
  p90Minutes: null,
  p95Minutes: null,
};

/** The rows (one per group and metric, computed by the database) shaped as groups. */
@QueryHandler(SlaReportQuery)
export class SlaReportHandler implements IQueryHandler<SlaReportQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, period, groupBy }: SlaReportQuery): Promise<SlaReportResponseDto> {
    const rows = await this.tx.query<SlaReportRow>(slaReportSql(groupBy), [
      actor.clientId,
      period.from,
      period.to,
    ]);
    const groups = new Map<string | null, SlaReportGroupDto>();
    for (const { id, name, metric, p50, p90, p95, ...counts } of rows) {
      const group = groups.get(id) ?? { id, name, resolution: EMPTY, firstResponse: EMPTY };
      group[metric] = { ...counts, p50Minutes: p50, p90Minutes: p90, p95Minutes: p95 };
      groups.set(id, group);
    }
    return { from: period.from, to: period.to, groupBy, groups: [...groups.values()] };
  }
}
