import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CalendarResponseDto } from '../../http/calendar.response.dto';

export class GetCalendarQuery extends Query<CalendarResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly calendarId: string,
  ) {
    super();
  }
}
