import { ApiProperty } from '@nestjs/swagger';
import { CaseState } from '../../../shared/domain/case-state';
import { SlaMetric } from '../domain/sla-service-level';
import { EscalationResponseDto } from './escalation.response.dto';

export class SlaResponseDto {
  /** Kept across updates when the client sends it back. */
  id: string;
  name: string;
  /** Applies only to cases of this priority; null applies to all. */
  priorityId: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  /** Alias of breachAfterMinutes. */
  targetMinutes: number;
  @ApiProperty({ enum: ['resolution', 'firstResponse'], type: 'string', example: 'resolution' })
  metric: SlaMetric;
  /** null: the case type's calendar, else around the clock. */
  calendarId: string | null;
  escalations: EscalationResponseDto[];
  /** Time spent in these states does not count. */
  pauseInStates: CaseState[];
}
