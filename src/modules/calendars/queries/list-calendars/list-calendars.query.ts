import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CalendarResponseDto } from '../../http/calendar.response.dto';

export class ListCalendarsQuery extends Query<ListEnvelope<CalendarResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
