import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { DuplicateDefinitionCodeError } from '../../domain/definition.errors';
import { Solution } from '../../domain/solution';
import { SolutionRepository } from '../../domain/solution.repository';
import { CreateSolutionCommand } from './create-solution.command';

@CommandHandler(CreateSolutionCommand)
export class CreateSolutionHandler implements ICommandHandler<CreateSolutionCommand> {
  constructor(
    private readonly solutions: SolutionRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreateSolutionCommand): Promise<string> {
    return this.tx.run(async () => {
      if (await this.solutions.codeTaken(actor.clientId, input.code)) {
        throw new DuplicateDefinitionCodeError('solution', input.code);
      }
      const solution = Solution.create(actor.clientId, input, actor.userId, this.clock.now());
      await this.solutions.save(solution);
      return solution.id;
    });
  }
}
