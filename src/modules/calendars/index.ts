// The public face of the calendars module: the only file other modules may import.
export { CalendarsModule } from './calendars.module';
export { CalendarRepository } from './domain/calendar.repository';
