import { Actor } from '../../../shared/auth/actor';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseRef, caseRefCondition } from '../../../shared/domain/case-ref';
import { seesAsAgent, visibleOr404, VisibleFacts } from '../domain/case-visibility';

/**
 * The id of the case `ref` names in the actor's tenant, for the read sides of per-case lists
 * (comments, messages, documents, activities): absent and invisible alike are CaseNotFoundError.
 */
export async function visibleCaseId(
  tx: TransactionManager,
  actor: Actor,
  ref: CaseRef,
): Promise<string> {
  return (await visibleCase(tx, actor, ref)).id;
}

/** A case the actor may see, and whether they read only its public comments (initiator view). */
export interface VisibleCase {
  id: string;
  publicOnly: boolean;
}

/** visibleCaseId, plus whether the caller sees the case only as its initiator. */
export async function visibleCase(
  tx: TransactionManager,
  actor: Actor,
  ref: CaseRef,
): Promise<VisibleCase> {
  const { column, value } = caseRefCondition(ref);
  const [row] = await tx.query<VisibleFacts & { id: string }>(
    `SELECT id, initiator_id AS "initiatorId", assigned_to_users AS "assignedToUsers",
            assigned_to_groups AS "assignedToGroups"
       FROM cases WHERE client_id = $1 AND ${column} = $2`,
    [actor.clientId, value],
  );
  const kase = visibleOr404(actor, row);
  return { id: kase.id, publicOnly: !seesAsAgent(actor, kase) };
}
