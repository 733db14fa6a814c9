import { CaseState } from '../../../shared/domain/case-state';
import { caseIn, ctx, T1 } from '../../../../test/support/builders/case-aggregate.builder';
import { Case } from '../../cases';
import { CaseEvent } from '../../cases';
import { collaborate } from './case-collaboration';

const { OPENED, IN_PROCESS, CANCELED } = CaseState;

const events = (c: Case) =>
  (c.pullEvents() as CaseEvent[]).map((e) => ({ type: e.type, actorId: e.actorId, data: e.data }));

describe('Case.collaborate: manual milestones', () => {
  describe('manual milestones', () => {
    it('records the milestone and raises completedPercent, never lowering it', () => {
      const kase = caseIn(IN_PROCESS, { completedPercent: 40 });
      collaborate(kase, { kind: 'milestone', name: ' Parts ordered ', percent: 60 }, ctx());
      collaborate(kase, { kind: 'milestone', name: 'Second look', percent: 10 }, ctx());
      collaborate(kase, { kind: 'milestone', name: 'Note only' }, ctx());
      expect(kase.snapshot.completedPercent).toBe(60);
      expect(kase.snapshot.milestones).toEqual([
        {
          name: 'Parts ordered',
          percent: 60,
          onState: IN_PROCESS,
          reachedAt: T1.toISOString(),
          manual: true,
          recordedBy: 'alice',
        },
        {
          name: 'Second look',
          percent: 10,
          onState: IN_PROCESS,
          reachedAt: T1.toISOString(),
          manual: true,
          recordedBy: 'alice',
        },
        {
          name: 'Note only',
          percent: 60,
          onState: IN_PROCESS,
          reachedAt: T1.toISOString(),
          manual: true,
          recordedBy: 'alice',
        },
      ]);
      expect(events(kase).map((e) => [e.type, e.data.completedPercent])).toEqual([
        ['case.milestone-reached', 60],
        ['case.milestone-reached', 60],
        ['case.milestone-reached', 60],
      ]);
    });

    it('refuses a percent outside 0..100 or not whole', () => {
      for (const percent of [-1, 101, 12.5, Number.NaN]) {
        expect(() =>
          collaborate(caseIn(OPENED), { kind: 'milestone', name: 'x', percent }, ctx()),
        ).toThrow(expect.objectContaining({ code: 'CASE4000' }));
      }
    });

    it('is an edit: not on a closed case', () => {
      expect(() =>
        collaborate(caseIn(CANCELED), { kind: 'milestone', name: 'x', percent: 5 }, ctx()),
      ).toThrow(expect.objectContaining({ code: 'CASE4091' }));
    });
  });
});
