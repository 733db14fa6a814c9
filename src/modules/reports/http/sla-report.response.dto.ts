import { ApiProperty } from '@nestjs/swagger';

/** One metric's SLAs of a group: how they ended, and how long the met ones took. */
export class SlaMetricStatsDto {
  /** SLAs of this metric started in the period (re-selected, closed ones aside). */
  total: number;
  /** Met their target without being violated. */
  met: number;
  /** Violated (met late or not at all). */
  breached: number;
  /** Neither met nor violated, and still running or paused. */
  open: number;
  /** Neither met nor violated, and stopped (the case closed first). */
  stopped: number;
  /** Median business minutes from start to met, over every met SLA (late ones too); null when none met. */
  p50Minutes: number | null;
  /** 90th percentile of the same (continuous, interpolated). */
  p90Minutes: number | null;
  /** 95th percentile of the same (continuous, interpolated). */
  p95Minutes: number | null;
}

export class SlaReportGroupDto {
  /** The case type or priority id, or the group's name; null: cases without a priority or group. */
  @ApiProperty({ type: String, nullable: true, example: '3f6c2a9e-8b1d-4c57-9e2a-6d4b1f0c7a21' })
  id: string | null;
  /** The case type's or priority's name, or the group's name; null with a null id. */
  @ApiProperty({ type: String, nullable: true, example: 'Water damage' })
  name: string | null;
  resolution: SlaMetricStatsDto;
  firstResponse: SlaMetricStatsDto;
}

const GROUP_EXAMPLE = {
  id: '3f6c2a9e-8b1d-4c57-9e2a-6d4b1f0c7a21',
  name: 'Water damage',
  resolution: {
    total: 40,
    met: 31,
    breached: 4,
    open: 5,
    stopped: 0,
    p50Minutes: 185,
    p90Minutes: 412.5,
    p95Minutes: 460,
  },
  firstResponse: {
    total: 40,
    met: 38,
    breached: 2,
    open: 0,
    stopped: 0,
    p50Minutes: 12,
    p90Minutes: 41,
    p95Minutes: 55.5,
  },
};

/** SLA outcomes of the SLAs started in [from, to), per group and metric. */
export class SlaReportResponseDto {
  @ApiProperty({ format: 'date-time', example: '2026-01-01T00:00:00.000Z' })
  from: Date;
  @ApiProperty({ format: 'date-time', example: '2026-02-01T00:00:00.000Z' })
  to: Date;
  @ApiProperty({ enum: ['caseType', 'priority', 'group'], example: 'caseType' })
  groupBy: 'caseType' | 'priority' | 'group';
  /** Groups with at least one SLA in the period, by name (null last). */
  @ApiProperty({ type: () => [SlaReportGroupDto], example: [GROUP_EXAMPLE] })
  groups: SlaReportGroupDto[];
}
