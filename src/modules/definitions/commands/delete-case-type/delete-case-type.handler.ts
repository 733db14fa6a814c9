import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseTypeRepository } from '../../domain/case-type.repository';
import { CaseTypeNotFoundError } from '../../domain/definition.errors';
import { DeleteCaseTypeCommand } from './delete-case-type.command';

@CommandHandler(DeleteCaseTypeCommand)
export class DeleteCaseTypeHandler implements ICommandHandler<DeleteCaseTypeCommand> {
  constructor(
    private readonly caseTypes: CaseTypeRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseTypeId }: DeleteCaseTypeCommand): Promise<void> {
    return this.tx.run(async () => {
      const caseType = await this.caseTypes.findById(actor.clientId, caseTypeId);
      if (!caseType) throw new CaseTypeNotFoundError();
      caseType.delete(actor.userId, this.clock.now());
      await this.caseTypes.save(caseType);
    });
  }
}
