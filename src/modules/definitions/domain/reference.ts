import { DomainError } from '../../../shared/errors/domain-error';
import { ParentDeletedError } from './definition.errors';

/** What a parent definition looks like to a child being created under it. */
export type ReferenceState = 'live' | 'deleted' | 'missing';

/** A child may only be created under a parent that exists and is not deleted (inactive is fine). */
export function requireUsableParent(
  state: ReferenceState,
  parent: string,
  notFound: () => DomainError,
): void {
  if (state === 'missing') throw notFound();
  if (state === 'deleted') throw new ParentDeletedError(parent);
}
