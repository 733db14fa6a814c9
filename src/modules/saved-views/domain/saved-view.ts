import { Actor } from '../../../shared/auth/actor';
import { Permission } from '../../../shared/auth/permission.enum';
import { ForbiddenError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { CaseSort, CaseView } from '../../cases';

export const VIEW_LISTS = ['all', 'assigned', 'mine', 'unassigned'] as const satisfies CaseView[];
export type ViewList = (typeof VIEW_LISTS)[number];

export const VIEW_SORTS = [
  'createdAt',
  'dueDate',
  'priority',
  'slaDueAt',
] as const satisfies CaseSort[];

/** The permission of each list's own route: needed to save a view of it and to run one. */
export const LIST_PERMISSIONS: Record<ViewList, Permission> = {
  all: Permission.CASE_VIEW,
  assigned: Permission.CASE_VIEW_ASSIGNED,
  mine: Permission.CASE_VIEW_MINE,
  unassigned: Permission.CASE_VIEW_UNASSIGNED,
};

export const VIEW_PERMISSIONS = Object.values(LIST_PERMISSIONS);

export function assertMayRunList(actor: Actor, list: ViewList): void {
  const permission = LIST_PERMISSIONS[list];
  if (!actor.has(permission)) {
    throw new ForbiddenError(ErrorCode.MissingPermission, `The ${list} list needs ${permission}.`);
  }
}

export interface SavedView {
  id: string;
  clientId: string;
  ownerId: string;
  name: string;
  list: ViewList;
  /** As given (query-string shapes), validated again by the list's own DTO when run. */
  filters: Record<string, unknown>;
  sort: CaseSort;
  shared: boolean;
  createdAt: Date;
}

/** Its owner's, or shared in the tenant; CASE_ALL reaches every view (to clean up). */
export function mayReach(actor: Actor, view: SavedView): boolean {
  return view.ownerId === actor.userId || view.shared || actor.isAdmin;
}
