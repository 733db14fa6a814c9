import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_ACTION_TYPES } from '../domain/sla-service-level';

export class EscalationActionResponseDto {
  @ApiProperty({ enum: ESCALATION_ACTION_TYPES, example: 'notify' })
  type: (typeof ESCALATION_ACTION_TYPES)[number];
  /** notify / assign only. */
  users?: string[];
  /** notify / assign only. */
  groups?: string[];
  /** raisePriority only. */
  priorityId?: string;
}

export class EscalationResponseDto {
  atPercent: number;
  actions: EscalationActionResponseDto[];
}
