import { IsNumber, Max, Min } from 'class-validator';
import { MAX_HOURS } from '../domain/case-type-config';

export class DueDateRequestDto {
  /** A new case is due this many hours after creation. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_HOURS)
  dueInHours: number;

  /** The warning comes this many hours before the due date; at most dueInHours. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_HOURS)
  warnBeforeHours: number;
}
