import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { DefinitionReferences } from '../../domain/definition-references';
import { DuplicateDefinitionCodeError } from '../../domain/definition.errors';
import { Process } from '../../domain/process';
import { ProcessRepository } from '../../domain/process.repository';
import { CreateProcessCommand } from './create-process.command';

@CommandHandler(CreateProcessCommand)
export class CreateProcessHandler implements ICommandHandler<CreateProcessCommand> {
  constructor(
    private readonly references: DefinitionReferences,
    private readonly processes: ProcessRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreateProcessCommand): Promise<string> {
    return this.tx.run(async () => {
      const solution = await this.references.solution(actor.clientId, input.solutionId);
      const process = Process.create(
        actor.clientId,
        input,
        solution,
        actor.userId,
        this.clock.now(),
      );
      if (await this.processes.codeTaken(actor.clientId, input.code)) {
        throw new DuplicateDefinitionCodeError('process', input.code);
      }
      await this.processes.save(process);
      return process.id;
    });
  }
}
