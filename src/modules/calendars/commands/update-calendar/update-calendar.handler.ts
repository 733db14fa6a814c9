import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CalendarNotFoundError } from '../../domain/calendar.errors';
import { CalendarRepository } from '../../domain/calendar.repository';
import { UpdateCalendarCommand } from './update-calendar.command';

@CommandHandler(UpdateCalendarCommand)
export class UpdateCalendarHandler implements ICommandHandler<UpdateCalendarCommand> {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, calendarId, changes }: UpdateCalendarCommand): Promise<void> {
    return this.tx.run(async () => {
      const calendar = await this.calendars.findById(actor.clientId, calendarId);
      if (!calendar) throw new CalendarNotFoundError();
      calendar.update(changes, actor.userId, this.clock.now());
      await this.calendars.save(calendar);
    });
  }
}
