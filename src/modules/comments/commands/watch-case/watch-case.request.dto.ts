import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class WatchCaseRequestDto {
  /** The user to add as a watcher; the caller when absent. Someone else needs CASE_EDIT. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'userId must not be blank' })
  userId?: string;
}
