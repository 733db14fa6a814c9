import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { CalendarResponseDto } from '../../http/calendar.response.dto';
import { CALENDAR_COLUMNS } from '../calendar.sql';
import { ListCalendarsQuery } from './list-calendars.query';

@QueryHandler(ListCalendarsQuery)
export class ListCalendarsHandler implements IQueryHandler<ListCalendarsQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    limit,
    cursor,
  }: ListCalendarsQuery): Promise<ListEnvelope<CalendarResponseDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<CalendarResponseDto>(
      `SELECT ${CALENDAR_COLUMNS} FROM calendars
        WHERE client_id = $1 AND deleted_at IS NULL
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id LIMIT $2`,
      [actor.clientId, limit + 1, ...after],
    );
    return toPage(rows, limit, (c) => [c.createdAt.toISOString(), c.id]);
  }
}
