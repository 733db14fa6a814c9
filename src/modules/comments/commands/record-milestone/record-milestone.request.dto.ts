import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_MILESTONE_NAME_LENGTH } from '../../domain/case-collaboration';

export class RecordMilestoneRequestDto {
  @IsString()
  @MaxLength(MAX_MILESTONE_NAME_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  /** Raises completedPercent to this value (never lowers it); absent: the current value is kept. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percent?: number;
}
