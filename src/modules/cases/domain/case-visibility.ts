import { Actor } from '../../../shared/auth/actor';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseNotFoundError } from './case.errors';

export const VIEW_PERMISSIONS = [
  Permission.CASE_VIEW,
  Permission.CASE_VIEW_ASSIGNED,
  Permission.CASE_VIEW_MINE,
  Permission.CASE_VIEW_UNASSIGNED,
] as const;

export interface VisibleFacts {
  initiatorId: string;
  assignedToUsers: readonly string[];
  assignedToGroups: readonly string[];
}

export type Viewer = Pick<Actor, 'userId' | 'groups' | 'has'>;

/**
 * Whether any of the viewer's view permissions shows the case. The case lists apply the same
 * rule in SQL; keep them in step.
 */
export function canView(viewer: Viewer, kase: VisibleFacts): boolean {
  if (seesAsAgent(viewer, kase)) return true;
  return viewer.has(Permission.CASE_VIEW_MINE) && kase.initiatorId === viewer.userId;
}

/**
 * Whether the viewer sees the case through an agent's view (all cases, assigned to them or their
 * group, the unassigned queue), not merely as its initiator: only such a viewer reads internal
 * comments and their activity entries.
 */
export function seesAsAgent(viewer: Viewer, kase: VisibleFacts): boolean {
  if (viewer.has(Permission.CASE_VIEW)) return true;
  const assignedToViewer =
    kase.assignedToUsers.includes(viewer.userId) ||
    kase.assignedToGroups.some((g) => viewer.groups.includes(g));
  if (viewer.has(Permission.CASE_VIEW_ASSIGNED) && assignedToViewer) return true;
  const unassigned = kase.assignedToUsers.length === 0 && kase.assignedToGroups.length === 0;
  return viewer.has(Permission.CASE_VIEW_UNASSIGNED) && unassigned;
}

type Facts = VisibleFacts | { readonly snapshot: VisibleFacts };

/**
 * The gate every per-case read and write goes through (case, comments, messages, documents,
 * activities, tags, watchers, milestones, actions): the case if the viewer may see it, otherwise
 * CaseNotFoundError. Invisible is answered like absent, so ids of other people's cases leak
 * nothing. `rule` widens the view for the initiator's own answers (canAnswerAsInitiator).
 */
export function visibleOr404<T extends Facts, V extends Viewer = Viewer>(
  viewer: V,
  kase: T | null | undefined,
  rule: (viewer: V, facts: VisibleFacts) => boolean = canView,
): T {
  if (!kase || !rule(viewer, 'snapshot' in kase ? kase.snapshot : kase)) {
    throw new CaseNotFoundError();
  }
  return kase;
}
