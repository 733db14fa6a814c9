import { randomUUID } from 'node:crypto';
import { TERMINAL_STATES } from '../../../shared/domain/case-state';
import {
  CaseAlreadyMergedError,
  CaseBeforeMerge,
  CaseChange,
  CaseChangeData,
  CaseMergedEvent,
  CaseNotMergedError,
  CaseProps,
  CaseUnmergedEvent,
  changedFields,
  nextState,
  normalizeTags,
} from '../../cases';
import { CaseMergeTargetClosedError, CaseUnmergeExpiredError } from './case-merge.errors';

/** How long a merge can be undone. */
export const UNDO_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The comment and document rows a merge moved (or its undo moved back). */
export interface MovedContent {
  commentIds: string[];
  documentIds: string[];
}

/** One merge of a source case into a target case (`case_merges`): exactly what it moved. */
export interface CaseMerge extends MovedContent {
  id: string;
  clientId: string;
  sourceCaseId: string;
  targetCaseId: string;
  /** The source as it was; its tags and watchers are what moved. */
  before: CaseBeforeMerge;
  /** The moved tags and watchers the target did not have yet: what the undo takes away. */
  addedTags: string[];
  addedWatchers: string[];
  /** The duplicate-of link the merge added (null: the cases were linked so already). */
  linkId: string | null;
  mergedBy: string;
  mergedAt: Date;
  undoneAt: Date | null;
}

/** The source may be merged (open, not merged) into the target (open: not closed or merged). */
export function checkMerge(source: CaseProps, target: CaseProps): void {
  if (source.mergedInto) throw new CaseAlreadyMergedError();
  nextState('mergeInto', source.state);
  if (TERMINAL_STATES.includes(target.state) || target.mergedInto) {
    throw new CaseMergeTargetClosedError();
  }
}

export function newMerge(
  source: CaseProps,
  target: CaseProps,
  moved: MovedContent,
  linkId: string | null,
  by: string,
  at: Date,
): CaseMerge {
  const { state, milestones, completedPercent, tags, watchers } = source;
  return {
    id: randomUUID(),
    clientId: source.clientId,
    sourceCaseId: source.id,
    targetCaseId: target.id,
    before: { state, milestones, completedPercent, tags, watchers },
    addedTags: tags.filter((t) => !target.tags.includes(t)),
    addedWatchers: watchers.filter((w) => !target.watchers.includes(w)),
    ...moved,
    linkId,
    mergedBy: by,
    mergedAt: at,
    undoneAt: null,
  };
}

/** The latest merge of a case if it can still be undone at `now`. */
export function undoable(merge: CaseMerge | null, now: Date): CaseMerge {
  if (!merge || merge.undoneAt) throw new CaseNotMergedError();
  if (now.getTime() - merge.mergedAt.getTime() > UNDO_DAYS * DAY_MS) {
    throw new CaseUnmergeExpiredError();
  }
  return merge;
}

/** What the activity entries and events of both cases say a merge (or its undo) moved. */
export function movedData(merge: CaseMerge, moved: MovedContent): CaseChangeData {
  const { id: mergeId, sourceCaseId, targetCaseId, linkId } = merge;
  return { mergeId, sourceCaseId, targetCaseId, linkId, ...moved };
}

/** The target receives the source's tags and watchers it lacks. */
export function targetMerged(target: CaseProps, merge: CaseMerge): CaseChange {
  const { addedTags: tags, addedWatchers: watchers } = merge;
  const patch = {
    tags: normalizeTags([...target.tags, ...tags]),
    watchers: [...target.watchers, ...watchers],
  };
  const data = { ...movedData(merge, merge), tags, watchers };
  return {
    event: CaseMergedEvent,
    data: { ...data, changes: changedFields(target, patch) },
    patch,
  };
}

/**
 * The target gives back the tags and watchers the merge added, whatever happened since: one
 * removed and added again in between goes too (the merge record cannot tell them apart).
 */
export function targetUnmerged(
  target: CaseProps,
  merge: CaseMerge,
  back: MovedContent,
): CaseChange {
  const tags = target.tags.filter((t) => merge.addedTags.includes(t));
  const watchers = target.watchers.filter((w) => merge.addedWatchers.includes(w));
  const patch = {
    tags: target.tags.filter((t) => !tags.includes(t)),
    watchers: target.watchers.filter((w) => !watchers.includes(w)),
  };
  const data = { ...movedData(merge, back), tags, watchers };
  return {
    event: CaseUnmergedEvent,
    data: { ...data, changes: changedFields(target, patch) },
    patch,
  };
}
