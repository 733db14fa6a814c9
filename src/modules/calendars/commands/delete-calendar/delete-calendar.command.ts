import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class DeleteCalendarCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly calendarId: string,
  ) {
    super();
  }
}
