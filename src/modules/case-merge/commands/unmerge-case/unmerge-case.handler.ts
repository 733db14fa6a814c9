import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseNotMergedError, CaseRepository, visibleCaseId } from '../../../cases';
import { movedData, targetUnmerged, undoable } from '../../domain/case-merge';
import { CaseMergeTargetMergedOnError } from '../../domain/case-merge.errors';
import { CaseMergeRepository } from '../../domain/case-merge.repository';
import { lockBoth } from '../lock-both';
import { UnmergeCaseCommand } from './unmerge-case.command';

/**
 * Undoes the open merge of a case within UNDO_DAYS: what moved goes back (comments and documents
 * still on the target, the tags and watchers the merge added to it), the link goes, and the case
 * returns to its state. What happened on the target since stays there.
 */
@CommandHandler(UnmergeCaseCommand)
export class UnmergeCaseHandler implements ICommandHandler<UnmergeCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly merges: CaseMergeRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, expectedVersion }: UnmergeCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const { clientId } = actor;
      const sourceId = await visibleCaseId(this.tx, actor, caseRef);
      const found = undoable(await this.merges.latestOf(clientId, sourceId), this.clock.now());
      const into = { id: found.targetCaseId };
      const [source, target] = await lockBoth(this.cases, this.tx, actor, { id: sourceId }, into);
      source.expectVersion(expectedVersion);
      // Read again under the case locks: a concurrent undo has marked it undone by now.
      const merge = undoable(await this.merges.latestOf(clientId, sourceId), this.clock.now());
      if (merge.id !== found.id) throw new CaseNotMergedError();
      if (target.snapshot.mergedInto) throw new CaseMergeTargetMergedOnError();
      const ctx = { actor, at: this.clock.now() };
      const back = await this.merges.moveContent(clientId, target.id, source.id, merge);
      await this.merges.unlink(merge, actor.userId, ctx.at);
      source.unmerge(merge.before, movedData(merge, back), ctx);
      target.applyChange(targetUnmerged(target.snapshot, merge, back), ctx);
      await this.cases.save(source);
      await this.cases.save(target);
      await this.merges.markUndone(merge, actor.userId, ctx.at);
      return source.id;
    });
  }
}
