import { IsString, Matches, MaxLength } from 'class-validator';
import { CaseActionRequestDto } from '../case-action.request.dto';

export class ResolveCaseRequestDto extends CaseActionRequestDto {
  /** How the case was resolved; required. */
  @IsString()
  @MaxLength(10000)
  @Matches(/\S/, { message: 'resolution must not be blank' })
  resolution: string;
}
