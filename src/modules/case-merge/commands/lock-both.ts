import { Actor } from '../../../shared/auth/actor';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseRef } from '../../../shared/domain/case-ref';
import { Case, CaseRepository, visibleCaseId, visibleOr404 } from '../../cases';
import { CaseMergeIntoSelfError } from '../domain/case-merge.errors';

/**
 * The source and target case, both visible to the actor, row-locked in id order: two merges
 * of the same cases (either way round) queue instead of deadlocking.
 */
export async function lockBoth(
  cases: CaseRepository,
  tx: TransactionManager,
  actor: Actor,
  source: CaseRef,
  target: CaseRef,
): Promise<[Case, Case]> {
  const ids = [await visibleCaseId(tx, actor, source), await visibleCaseId(tx, actor, target)];
  if (ids[0] === ids[1]) throw new CaseMergeIntoSelfError();
  const locked = new Map<string, Case>();
  for (const id of [...ids].sort()) {
    locked.set(id, visibleOr404(actor, await cases.findForUpdate(actor.clientId, { id })));
  }
  return [locked.get(ids[0])!, locked.get(ids[1])!];
}
