import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { collaborate } from '../../domain/case-collaboration';
import { CaseRepository } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { RemoveTagCommand } from './remove-tag.command';

@CommandHandler(RemoveTagCommand)
export class RemoveTagHandler implements ICommandHandler<RemoveTagCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, tag, expectedVersion }: RemoveTagCommand): Promise<string> {
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(expectedVersion);
      collaborate(kase, { kind: 'removeTag', tag }, { actor, at: this.clock.now() });
      await this.cases.save(kase);
      return kase.id;
    });
  }
}
