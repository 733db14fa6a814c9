import { Actor } from '../../../shared/auth/actor';
import { Permission } from '../../../shared/auth/permission.enum';
import { ProxySaveRequiredError } from './case.errors';

/**
 * Who the actor acts for: null when it is themselves; someone else needs
 * CASE_INSTANCE_PROXY_SAVE (the activity log then records both).
 */
export function actingFor(
  actor: Actor,
  subject: string | undefined,
  field: 'initiatorId' | 'onBehalfOf',
): string | null {
  if (subject === undefined || subject === actor.userId) return null;
  if (!actor.has(Permission.CASE_INSTANCE_PROXY_SAVE)) throw new ProxySaveRequiredError(field);
  return subject;
}
