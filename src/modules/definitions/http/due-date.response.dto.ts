export class DueDateResponseDto {
  /** A new case is due this many hours after creation. */
  dueInHours: number;
  /** The due-date warning comes this many hours before the due date. */
  warnBeforeHours: number;
}
