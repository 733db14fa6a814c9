import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseRepository } from '../../../cases';
import { checkMerge, movedData, newMerge, targetMerged } from '../../domain/case-merge';
import { CaseMergeRepository } from '../../domain/case-merge.repository';
import { lockBoth } from '../lock-both';
import { MergeCaseCommand } from './merge-case.command';

/**
 * One transaction: the source's comments and documents move to the target, its tags and watchers
 * join the target's, it is canceled pointing at the target and linked to it as a duplicate, and
 * the merge record keeps what moved for the undo.
 */
@CommandHandler(MergeCaseCommand)
export class MergeCaseHandler implements ICommandHandler<MergeCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly merges: CaseMergeRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, intoCaseId, expectedVersion }: MergeCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const into = { id: intoCaseId };
      const [source, target] = await lockBoth(this.cases, this.tx, actor, caseRef, into);
      source.expectVersion(expectedVersion);
      checkMerge(source.snapshot, target.snapshot);
      const ctx = { actor, at: this.clock.now() };
      const { clientId } = actor;
      const moved = await this.merges.moveContent(clientId, source.id, target.id);
      const pair = { clientId, sourceCaseId: source.id, targetCaseId: target.id };
      const linkId = await this.merges.link(pair, actor.userId, ctx.at);
      const merge = newMerge(source.snapshot, target.snapshot, moved, linkId, actor.userId, ctx.at);
      const { tags, watchers } = merge.before;
      source.mergeInto(target.id, { ...movedData(merge, moved), tags, watchers }, ctx);
      target.applyChange(targetMerged(target.snapshot, merge), ctx);
      await this.cases.save(source);
      await this.cases.save(target);
      await this.merges.add(merge);
      return source.id;
    });
  }
}
