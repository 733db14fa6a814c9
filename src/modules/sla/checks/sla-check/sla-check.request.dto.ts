import { IsBoolean, IsOptional } from 'class-validator';

export class SlaCheckRequestDto {
  /** true (default): a failing case is counted and logged and the check goes on; false: the check stops there. */
  @IsOptional()
  @IsBoolean()
  continueOnError?: boolean;
}
