import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CaseState } from '../../../shared/domain/case-state';
import { MAX_MINUTES } from '../domain/case-type-config';
import { SLA_METRICS, SlaMetric } from '../domain/sla-service-level';
import { EscalationRequestDto } from './escalation.request.dto';

export class SlaRequestDto {
  /** Send the id back to keep it (SLA instances refer to it); otherwise a new one is generated. */
  @IsOptional()
  @IsUUID()
  id?: string | null;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** Applies only to cases of this priority; absent or null applies to all. */
  @IsOptional()
  @IsUUID()
  priorityId?: string | null;

  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  warnAfterMinutes: number;

  /** The target, at least warnAfterMinutes; this or targetMinutes (equal if both are sent). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  breachAfterMinutes?: number | null;

  /** Alias of breachAfterMinutes. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  targetMinutes?: number | null;

  /** What is measured: until resolved, or until the first response. Default resolution. */
  @ApiProperty({ enum: SLA_METRICS, required: false, example: 'resolution' })
  @IsOptional()
  @IsIn(SLA_METRICS)
  metric?: SlaMetric | null;

  /** Counts business minutes on this calendar; absent: the case type's, else around the clock. */
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;

  /** Fired once each, at atPercent of the target's business minutes. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationRequestDto)
  escalations?: EscalationRequestDto[] | null;

  /** Time spent in these states does not count. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsEnum(CaseState, { each: true })
  pauseInStates?: CaseState[] | null;
}
