import { Actor } from '../../../shared/auth/actor';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseRef, caseRefCondition } from '../../../shared/domain/case-ref';
import { visibleOr404, VisibleFacts } from '../domain/case-visibility';

/**
 * The id of the case `ref` names in the actor's tenant, for the read sides of per-case lists
 * (comments, messages, documents, activities): absent and invisible alike are CaseNotFoundError.
 */
export async function visibleCaseId(
  tx: TransactionManager,
  actor: Actor,
  ref: CaseRef,
): Promise<string> {
  const { column, value } = caseRefCondition(ref);
  const [row] = await tx.query<VisibleFacts & { id: string }>(
    `SELECT id, initiator_id AS "initiatorId", assigned_to_users AS "assignedToUsers",
            assigned_to_groups AS "assignedToGroups"
       FROM cases WHERE client_id = $1 AND ${column} = $2`,
    [actor.clientId, value],
  );
  return visibleOr404(actor, row).id;
}
