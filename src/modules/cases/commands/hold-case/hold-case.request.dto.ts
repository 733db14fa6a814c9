import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CaseActionRequestDto } from '../case-action.request.dto';

export class HoldCaseRequestDto extends CaseActionRequestDto {
  /** Kept in the activity log. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
