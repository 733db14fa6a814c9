import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { DuplicateDefinitionCodeError, ProcessNotFoundError } from '../../domain/definition.errors';
import { ProcessRepository } from '../../domain/process.repository';
import { UpdateProcessCommand } from './update-process.command';

@CommandHandler(UpdateProcessCommand)
export class UpdateProcessHandler implements ICommandHandler<UpdateProcessCommand> {
  constructor(
    private readonly processes: ProcessRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, processId, changes }: UpdateProcessCommand): Promise<void> {
    return this.tx.run(async () => {
      const process = await this.processes.findById(actor.clientId, processId);
      if (!process) throw new ProcessNotFoundError();
      if (
        changes.code &&
        (await this.processes.codeTaken(actor.clientId, changes.code, processId))
      ) {
        throw new DuplicateDefinitionCodeError('process', changes.code);
      }
      process.update(changes, actor.userId, this.clock.now());
      await this.processes.save(process);
    });
  }
}
