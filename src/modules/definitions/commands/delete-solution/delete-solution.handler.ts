import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { SolutionNotFoundError } from '../../domain/definition.errors';
import { SolutionRepository } from '../../domain/solution.repository';
import { DeleteSolutionCommand } from './delete-solution.command';

@CommandHandler(DeleteSolutionCommand)
export class DeleteSolutionHandler implements ICommandHandler<DeleteSolutionCommand> {
  constructor(
    private readonly solutions: SolutionRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, solutionId }: DeleteSolutionCommand): Promise<void> {
    return this.tx.run(async () => {
      const solution = await this.solutions.findById(actor.clientId, solutionId);
      if (!solution) throw new SolutionNotFoundError();
      const now = this.clock.now();
      solution.delete(actor.userId, now);
      await this.solutions.save(solution);
      await this.solutions.deleteChildren(actor.clientId, solutionId, now);
    });
  }
}
