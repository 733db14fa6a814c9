import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CalendarInput } from '../../domain/calendar';

export class CreateCalendarCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: CalendarInput,
  ) {
    super();
  }
}
