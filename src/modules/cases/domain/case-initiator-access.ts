import { Actor } from '../../../shared/auth/actor';
import { canView, VisibleFacts } from './case-visibility';

/**
 * Who may answer on a case as its initiator's side (initiator comments, inbound messages): whoever
 * sees it, the initiator even without a view permission, and a machine client (an e-mail or chat
 * gateway) for any case of its tenant. Everyone else is answered as if the case did not exist.
 */
export function canAnswerAsInitiator(
  actor: Pick<Actor, 'userId' | 'groups' | 'has' | 'kind'>,
  kase: VisibleFacts,
): boolean {
  return canView(actor, kase) || actor.userId === kase.initiatorId || actor.kind === 'client';
}
