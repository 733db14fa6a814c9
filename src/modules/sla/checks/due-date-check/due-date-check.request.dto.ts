import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class DueDateCheckRequestDto {
  /** The case types to check (the seed's case_type_ids); an empty list checks nothing. */
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  caseTypeIds: string[];

  /** true (default): a failing case is counted and logged and the check goes on; false: the check stops there. */
  @IsOptional()
  @IsBoolean()
  continueOnError?: boolean;
}
