import { IsEnum, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CaseState } from '../../../shared/domain/case-state';

export class MilestoneRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** completedPercent is raised to this (never lowered) when the case reaches onState. */
  @IsInt()
  @Min(0)
  @Max(100)
  percent: number;

  @IsEnum(CaseState)
  onState: CaseState;
}
