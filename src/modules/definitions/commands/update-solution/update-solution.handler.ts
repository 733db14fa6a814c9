import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import {
  DuplicateDefinitionCodeError,
  SolutionNotFoundError,
} from '../../domain/definition.errors';
import { SolutionRepository } from '../../domain/solution.repository';
import { UpdateSolutionCommand } from './update-solution.command';

@CommandHandler(UpdateSolutionCommand)
export class UpdateSolutionHandler implements ICommandHandler<UpdateSolutionCommand> {
  constructor(
    private readonly solutions: SolutionRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, solutionId, changes }: UpdateSolutionCommand): Promise<void> {
    return this.tx.run(async () => {
      const solution = await this.solutions.findById(actor.clientId, solutionId);
      if (!solution) throw new SolutionNotFoundError();
      if (
        changes.code &&
        (await this.solutions.codeTaken(actor.clientId, changes.code, solutionId))
      ) {
        throw new DuplicateDefinitionCodeError('solution', changes.code);
      }
      solution.update(changes, actor.userId, this.clock.now());
      await this.solutions.save(solution);
    });
  }
}
