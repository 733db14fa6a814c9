import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { CalendarNotFoundError } from '../../domain/calendar.errors';
import { CalendarResponseDto } from '../../http/calendar.response.dto';
import { CALENDAR_COLUMNS } from '../calendar.sql';
import { GetCalendarQuery } from './get-calendar.query';

@QueryHandler(GetCalendarQuery)
export class GetCalendarHandler implements IQueryHandler<GetCalendarQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, calendarId }: GetCalendarQuery): Promise<CalendarResponseDto> {
    const [row] = await this.tx.query<CalendarResponseDto>(
      `SELECT ${CALENDAR_COLUMNS} FROM calendars
        WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [actor.clientId, calendarId],
    );
    if (!row) throw new CalendarNotFoundError();
    return row;
  }
}
