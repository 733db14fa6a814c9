import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseRepository } from '../../domain/case.repository';
import { visibleOr404 } from '../../domain/case-visibility';
import { UnclaimCaseCommand } from './unclaim-case.command';
import { actionContext } from '../case-action.command';

@CommandHandler(UnclaimCaseCommand)
export class UnclaimCaseHandler implements ICommandHandler<UnclaimCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, options }: UnclaimCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(options.expectedVersion);
      kase.unclaim(actionContext(actor, this.clock.now(), options));
      await this.cases.save(kase);
      return kase.id;
    });
  }
}
