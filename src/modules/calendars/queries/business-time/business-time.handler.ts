import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { addBusinessMinutes, businessMinutesBetween } from '../../domain/business-time';
import { CalendarNotFoundError } from '../../domain/calendar.errors';
import { WorkingWeek } from '../../domain/working-week';
import { BusinessTimeResponseDto } from '../../http/business-time.response.dto';
import { BusinessTimeQuery } from './business-time.query';

@QueryHandler(BusinessTimeQuery)
export class BusinessTimeHandler implements IQueryHandler<BusinessTimeQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    calendarId,
    from,
    question,
  }: BusinessTimeQuery): Promise<BusinessTimeResponseDto> {
    const [calendar] = await this.tx.query<WorkingWeek>(
      `SELECT time_zone AS "timeZone", working_hours AS "workingHours", holidays FROM calendars
        WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [actor.clientId, calendarId],
    );
    if (!calendar) throw new CalendarNotFoundError();
    return 'to' in question
      ? { minutes: businessMinutesBetween(calendar, from, question.to) }
      : { at: addBusinessMinutes(calendar, from, question.addMinutes) };
  }
}
