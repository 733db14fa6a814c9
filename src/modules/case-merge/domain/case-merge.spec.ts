import { CaseState } from '../../../shared/domain/case-state';
import { caseIn, T0 } from '../../../../test/support/builders/case-aggregate.builder';
import { checkMerge, newMerge, targetMerged, targetUnmerged, undoable } from './case-merge';

const DAY = 24 * 60 * 60 * 1000;
const props = (state: CaseState, over: object = {}) => ({
  ...caseIn(state, over).snapshot,
  ...over,
});

describe('case merge rules', () => {
  const source = props(CaseState.IN_PROCESS, { id: 'a', tags: ['x', 'y'], watchers: ['u1', 'u2'] });
  const target = props(CaseState.OPENED, { id: 'b', tags: ['y'], watchers: ['u2'] });

  it('needs an unmerged open source and an open target', () => {
    expect(() => checkMerge(source, target)).not.toThrow();
    const code = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return 'ok';
    };
    expect(code(() => checkMerge({ ...source, mergedInto: 'c' }, target))).toBe('CASE4621');
    expect(code(() => checkMerge(props(CaseState.COMPLETED), target))).toBe('CASE4091');
    for (const state of [CaseState.COMPLETED, CaseState.CANCELED]) {
      expect(code(() => checkMerge(source, props(state)))).toBe('CASE4622');
    }
    expect(code(() => checkMerge(source, { ...target, mergedInto: 'c' }))).toBe('CASE4622');
  });

  it('records only the tags and watchers the target lacked, and takes back only those', () => {
    const moved = { commentIds: ['c1'], documentIds: [] };
    const merge = newMerge(source, target, moved, 'l1', 'alice', T0);
    expect([merge.addedTags, merge.addedWatchers]).toEqual([['x'], ['u1']]);
    const received = targetMerged(target, merge).patch;
    expect(received).toEqual({ tags: ['y', 'x'], watchers: ['u2', 'u1'] });
    const later = { ...target, ...received, tags: ['y', 'x', 'z'] };
    expect(targetUnmerged(later, merge, moved).patch).toEqual({
      tags: ['y', 'z'],
      watchers: ['u2'],
    });
  });

  it('can be undone for 30 days, once', () => {
    const merge = newMerge(source, target, { commentIds: [], documentIds: [] }, null, 'al', T0);
    expect(undoable(merge, new Date(T0.getTime() + 30 * DAY))).toBe(merge);
    expect(() => undoable(merge, new Date(T0.getTime() + 30 * DAY + 1))).toThrow(
      expect.objectContaining({ code: 'CASE4624' }),
    );
    expect(() => undoable({ ...merge, undoneAt: T0 }, T0)).toThrow(
      expect.objectContaining({ code: 'CASE4623' }),
    );
    expect(() => undoable(null, T0)).toThrow(expect.objectContaining({ code: 'CASE4623' }));
  });
});
