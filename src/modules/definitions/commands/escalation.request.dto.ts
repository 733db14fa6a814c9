import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdList, MAX_ASSIGNEES } from '../../../shared/http/id-list';
import { ESCALATION_ACTION_TYPES, MAX_ESCALATION_PERCENT } from '../domain/sla-service-level';

/** notify / assign name users or groups; raisePriority names a live priority. */
export class EscalationActionRequestDto {
  @ApiProperty({ enum: ESCALATION_ACTION_TYPES, example: 'notify' })
  @IsIn(ESCALATION_ACTION_TYPES)
  type: (typeof ESCALATION_ACTION_TYPES)[number];

  /** notify / assign: user ids. */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  users?: string[] | null;

  /** notify / assign: group ids. */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  groups?: string[] | null;

  /** raisePriority: the priority the case is raised to. */
  @IsOptional()
  @IsUUID()
  priorityId?: string | null;
}

/** One rung of the ladder: its actions fire once, when this percent of the target has elapsed. */
export class EscalationRequestDto {
  /** Unique per SLA; the ladder is kept sorted by it. */
  @IsInt()
  @Min(1)
  @Max(MAX_ESCALATION_PERCENT)
  atPercent: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationActionRequestDto)
  actions: EscalationActionRequestDto[];
}
