export class WorkingIntervalResponseDto {
  /** HH:MM local time. */
  start: string;
  /** HH:MM local time or 24:00; earlier than start means the next day. */
  end: string;
}
