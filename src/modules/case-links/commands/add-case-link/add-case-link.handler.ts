import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { GetCaseQuery } from '../../../cases';
import { newCaseLink } from '../../domain/case-link';
import {
  CaseLinkCycleError,
  CaseLinkExistsError,
  CaseLinkToSelfError,
} from '../../domain/case-link.errors';
import { CaseLinkRepository } from '../../domain/case-link.repository';
import { AddCaseLinkCommand } from './add-case-link.command';

@CommandHandler(AddCaseLinkCommand)
export class AddCaseLinkHandler implements ICommandHandler<AddCaseLinkCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly links: CaseLinkRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, caseRef, type, otherCaseId }: AddCaseLinkCommand) {
    // The case module's own read decides visibility: a 404 there is a 404 here.
    const kase = await this.queries.execute(new GetCaseQuery(actor, caseRef));
    const other = await this.queries.execute(new GetCaseQuery(actor, { id: otherCaseId }));
    const hierarchy = type === 'parent' || type === 'child';
    if (kase.id === other.id)
      throw hierarchy ? new CaseLinkCycleError() : new CaseLinkToSelfError();
    const link = newCaseLink(
      actor.clientId,
      kase.id,
      type,
      other.id,
      actor.userId,
      this.clock.now(),
    );
    await this.tx.run(async () => {
      if (link.kind === 'parent') {
        await this.links.lockHierarchy(actor.clientId);
        // The new parent must not already sit below its child.
        if (await this.links.isAncestorOrSelf(actor.clientId, link.toCaseId, link.fromCaseId)) {
          throw new CaseLinkCycleError();
        }
      }
      if (!(await this.links.add(link))) throw new CaseLinkExistsError();
    });
    return { linkId: link.id, caseId: kase.id };
  }
}
