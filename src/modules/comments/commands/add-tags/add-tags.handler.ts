import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { collaborate } from '../../domain/case-collaboration';
import { CaseRepository } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { AddTagsCommand } from './add-tags.command';

@CommandHandler(AddTagsCommand)
export class AddTagsHandler implements ICommandHandler<AddTagsCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, tags, expectedVersion }: AddTagsCommand): Promise<string> {
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(expectedVersion);
      collaborate(kase, { kind: 'addTags', tags }, { actor, at: this.clock.now() });
      await this.cases.save(kase);
      return kase.id;
    });
  }
}
