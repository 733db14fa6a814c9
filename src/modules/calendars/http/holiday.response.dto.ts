export class HolidayResponseDto {
  /** YYYY-MM-DD, a local date. */
  date: string;
  name: string;
}
