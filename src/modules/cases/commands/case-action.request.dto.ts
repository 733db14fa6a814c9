import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CaseActionRequestDto {
  /** Stored as a comment on the case together with the action. */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(/\S/, { message: 'comment must not be blank' })
  comment?: string;
}
