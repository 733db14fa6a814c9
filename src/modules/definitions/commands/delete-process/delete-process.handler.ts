import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { ProcessNotFoundError } from '../../domain/definition.errors';
import { ProcessRepository } from '../../domain/process.repository';
import { DeleteProcessCommand } from './delete-process.command';

@CommandHandler(DeleteProcessCommand)
export class DeleteProcessHandler implements ICommandHandler<DeleteProcessCommand> {
  constructor(
    private readonly processes: ProcessRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, processId }: DeleteProcessCommand): Promise<void> {
    return this.tx.run(async () => {
      const process = await this.processes.findById(actor.clientId, processId);
      if (!process) throw new ProcessNotFoundError();
      const now = this.clock.now();
      process.delete(actor.userId, now);
      await this.processes.save(process);
      await this.processes.deleteChildren(actor.clientId, processId, now);
    });
  }
}
