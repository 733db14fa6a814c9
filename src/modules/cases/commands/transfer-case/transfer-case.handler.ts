import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseTypeNotFoundError } from '../../domain/case.errors';
import { CaseRepository } from '../../domain/case.repository';
import { CaseTypeConfigReader } from '../../domain/case-type-config.reader';
import { visibleOr404 } from '../../domain/case-visibility';
import { TransferCaseCommand } from './transfer-case.command';
import { actionContext } from '../case-action.command';

@CommandHandler(TransferCaseCommand)
export class TransferCaseHandler implements ICommandHandler<TransferCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly definitions: CaseTypeConfigReader,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, caseTypeId, options }: TransferCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const { clientId } = actor;
      const original = visibleOr404(actor, await this.cases.findForUpdate(clientId, caseRef));
      original.expectVersion(options.expectedVersion);
      const target = await this.definitions.findCaseType(clientId, caseTypeId);
      if (!target) throw new CaseTypeNotFoundError();
      // The case keeps its priority while that is still usable, else takes the target's default.
      const priority =
        (await this.definitions.findPriority(clientId, original.snapshot.priorityId)) ??
        (await this.definitions.findPriority(clientId, target.defaultPriorityId));
      const seq = await this.cases.nextSequence(clientId);
      const ctx = actionContext(actor, this.clock.now(), options);
      const moved = original.transferOut(target, priority, seq, ctx);
      await this.cases.save(moved);
      await this.cases.save(original);
      return moved.id;
    });
  }
}
