import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CaseState } from '../../../shared/domain/case-state';
import { MAX_MINUTES } from '../domain/case-type-config';

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

  /** At least warnAfterMinutes. */
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES)
  breachAfterMinutes: number;

  /** Time spent in these states does not count. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsEnum(CaseState, { each: true })
  pauseInStates?: CaseState[] | null;
}
