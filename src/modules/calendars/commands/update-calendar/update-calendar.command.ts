import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CalendarInput } from '../../domain/calendar';

export class UpdateCalendarCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly calendarId: string,
    readonly changes: Partial<CalendarInput>,
  ) {
    super();
  }
}
