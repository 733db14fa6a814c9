import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseRepository } from '../../domain/case.repository';
import { stillResolvedAt } from '../../domain/case-auto-close.policy';
import { visibleOr404 } from '../../domain/case-visibility';
import { CompleteCaseCommand } from './complete-case.command';
import { actionContext } from '../case-action.command';

@CommandHandler(CompleteCaseCommand)
export class CompleteCaseHandler implements ICommandHandler<CompleteCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, options, ifResolvedAt }: CompleteCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(options.expectedVersion);
      if (ifResolvedAt && !stillResolvedAt(kase.snapshot, ifResolvedAt)) return kase.id;
      kase.complete(actionContext(actor, this.clock.now(), options));
      await this.cases.save(kase);
      return kase.id;
    });
  }
}
