import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CalendarInUseError, CalendarNotFoundError } from '../../domain/calendar.errors';
import { CalendarRepository } from '../../domain/calendar.repository';
import { DeleteCalendarCommand } from './delete-calendar.command';

@CommandHandler(DeleteCalendarCommand)
export class DeleteCalendarHandler implements ICommandHandler<DeleteCalendarCommand> {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, calendarId }: DeleteCalendarCommand): Promise<void> {
    return this.tx.run(async () => {
      const calendar = await this.calendars.findById(actor.clientId, calendarId);
      if (!calendar) throw new CalendarNotFoundError();
      if (await this.calendars.isInUse(actor.clientId, calendarId)) throw new CalendarInUseError();
      calendar.delete(actor.userId, this.clock.now());
      await this.calendars.save(calendar);
    });
  }
}
