import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseRepository } from '../../domain/case.repository';
import { visibleOr404 } from '../../domain/case-visibility';
import { ReopenCaseCommand } from './reopen-case.command';
import { actionContext } from '../case-action.command';

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, options }: ReopenCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(options.expectedVersion);
      kase.reopen(actionContext(actor, this.clock.now(), options));
      await this.cases.save(kase);
      return kase.id;
    });
  }
}
