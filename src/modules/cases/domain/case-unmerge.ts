import { changedFields } from './case-edit';
import { CaseBeforeMerge, CaseProps } from './case.props';
import { normalizeTags, uniqueIds } from './case-values';

/**
 * What undoing a merge restores: the state, milestones, tags and watchers the case had before
 * it, plus any tag or watcher added since (watching stays open on a canceled case), and the
 * fields that change.
 */
export function unmergePatch(props: CaseProps, before: CaseBeforeMerge) {
  const { milestones, completedPercent } = before;
  const tags = normalizeTags([...before.tags, ...props.tags]);
  const watchers = uniqueIds([...before.watchers, ...props.watchers]);
  const patch = { mergedInto: null, tags, watchers, milestones, completedPercent };
  return { patch, changes: changedFields(props, patch) };
}
