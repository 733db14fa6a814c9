import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { DuplicatePriorityCodeError, PriorityNotFoundError } from '../../domain/priority.errors';
import { PriorityRepository } from '../../domain/priority.repository';
import { UpdatePriorityCommand } from './update-priority.command';

@CommandHandler(UpdatePriorityCommand)
export class UpdatePriorityHandler implements ICommandHandler<UpdatePriorityCommand> {
  constructor(
    private readonly priorities: PriorityRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, priorityId, changes }: UpdatePriorityCommand): Promise<void> {
    return this.tx.run(async () => {
      const priority = await this.priorities.findById(actor.clientId, priorityId);
      if (!priority) throw new PriorityNotFoundError();
      if (
        changes.code &&
        (await this.priorities.codeTaken(actor.clientId, changes.code, priorityId))
      ) {
        throw new DuplicatePriorityCodeError(changes.code);
      }
      priority.update(changes, actor.userId, this.clock.now());
      await this.priorities.save(priority);
    });
  }
}
