import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { Calendar } from '../../domain/calendar';
import { CalendarRepository } from '../../domain/calendar.repository';
import { CreateCalendarCommand } from './create-calendar.command';

@CommandHandler(CreateCalendarCommand)
export class CreateCalendarHandler implements ICommandHandler<CreateCalendarCommand> {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreateCalendarCommand): Promise<string> {
    return this.tx.run(async () => {
      const calendar = Calendar.create(actor.clientId, input, actor.userId, this.clock.now());
      await this.calendars.save(calendar);
      return calendar.id;
    });
  }
}
