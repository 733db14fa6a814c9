// The public face of the calendars module: the only file other modules may import.
export { CalendarsModule } from './calendars.module';
export { CalendarRepository } from './domain/calendar.repository';
export { CalendarWeeks, weekIn } from './calendar-weeks';
export type { CalendarWeek } from './calendar-weeks';
export { addBusinessMinutes, businessMinutesBetween } from './domain/business-time';
export { ALWAYS } from './domain/working-week';
export type { WorkingWeek } from './domain/working-week';
