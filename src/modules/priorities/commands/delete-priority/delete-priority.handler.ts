import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { PriorityInUseError, PriorityNotFoundError } from '../../domain/priority.errors';
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
      // Counted under the row lock findById took: a concurrent use either committed before it
      // (and is counted) or waits for it and then finds the priority deleted.
      const usage = await this.priorities.usage(actor.clientId, priorityId);
      if (usage.caseTypes > 0 || usage.openCases > 0) throw new PriorityInUseError(usage);
      priority.delete(actor.userId, this.clock.now());
      await this.priorities.save(priority);
    });
  }
}
