import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { PriorityNotFoundError } from '../../domain/priority.errors';
import { PriorityRepository } from '../../domain/priority.repository';
import { DeletePriorityCommand } from './delete-priority.command';

@CommandHandler(DeletePriorityCommand)
export class DeletePriorityHandler implements ICommandHandler<DeletePriorityCommand> {
  constructor(
    private readonly priorities: PriorityRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, priorityId }: DeletePriorityCommand): Promise<void> {
    return this.tx.run(async () => {
      const priority = await this.priorities.findById(actor.clientId, priorityId);
      if (!priority) throw new PriorityNotFoundError();
      priority.delete(actor.userId, this.clock.now());
      await this.priorities.save(priority);
    });
  }
}
