import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { GetCaseQuery } from '../../../cases';
import { CaseLinkNotFoundError } from '../../domain/case-link.errors';
import { CaseLinkRepository } from '../../domain/case-link.repository';
import { RemoveCaseLinkCommand } from './remove-case-link.command';

@CommandHandler(RemoveCaseLinkCommand)
export class RemoveCaseLinkHandler implements ICommandHandler<RemoveCaseLinkCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly links: CaseLinkRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, caseRef, linkId }: RemoveCaseLinkCommand): Promise<void> {
    const kase = await this.queries.execute(new GetCaseQuery(actor, caseRef));
    await this.tx.run(async () => {
      const link = await this.links.findOn(actor.clientId, kase.id, linkId);
      if (!link) throw new CaseLinkNotFoundError();
      await this.links.remove(link, actor.userId, this.clock.now());
    });
  }
}
