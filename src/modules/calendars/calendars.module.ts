import { Module } from '@nestjs/common';
import { CreateCalendarHandler } from './commands/create-calendar/create-calendar.handler';
import { DeleteCalendarHandler } from './commands/delete-calendar/delete-calendar.handler';
import { UpdateCalendarHandler } from './commands/update-calendar/update-calendar.handler';
import { CalendarWeeks } from './calendar-weeks';
import { CalendarRepository } from './domain/calendar.repository';
import { CalendarsController } from './http/calendars.controller';
import { CalendarSqlRepository } from './infrastructure/calendar.sql-repository';
import { SqlCalendarWeeks } from './infrastructure/calendar-weeks.sql';
import { BusinessTimeHandler } from './queries/business-time/business-time.handler';
import { GetCalendarHandler } from './queries/get-calendar/get-calendar.handler';
import { ListCalendarsHandler } from './queries/list-calendars/list-calendars.handler';

const controllers = [CalendarsController];
const commandHandlers = [CreateCalendarHandler, UpdateCalendarHandler, DeleteCalendarHandler];
const queryHandlers = [ListCalendarsHandler, GetCalendarHandler, BusinessTimeHandler];

@Module({
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: CalendarRepository, useClass: CalendarSqlRepository },
    { provide: CalendarWeeks, useClass: SqlCalendarWeeks },
  ],
  exports: [CalendarRepository, CalendarWeeks],
})
export class CalendarsModule {}
