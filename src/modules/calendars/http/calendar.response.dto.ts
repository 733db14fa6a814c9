import { HolidayResponseDto } from './holiday.response.dto';
import { WorkingHoursResponseDto } from './working-hours.response.dto';

export class CalendarResponseDto {
  id: string;
  name: string;
  /** IANA time zone name. */
  timeZone: string;
  workingHours: WorkingHoursResponseDto;
  holidays: HolidayResponseDto[];
  /** Raised by every update. */
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
