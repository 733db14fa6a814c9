import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { Priority } from '../../domain/priority';
import { DuplicatePriorityCodeError } from '../../domain/priority.errors';
import { PriorityRepository } from '../../domain/priority.repository';
import { CreatePriorityCommand } from './create-priority.command';

@CommandHandler(CreatePriorityCommand)
export class CreatePriorityHandler implements ICommandHandler<CreatePriorityCommand> {
  constructor(
    private readonly priorities: PriorityRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreatePriorityCommand): Promise<string> {
    return this.tx.run(async () => {
      if (await this.priorities.codeTaken(actor.clientId, input.code)) {
        throw new DuplicatePriorityCodeError(input.code);
      }
      const priority = Priority.create(actor.clientId, input, actor.userId, this.clock.now());
      await this.priorities.save(priority);
      return priority.id;
    });
  }
}
