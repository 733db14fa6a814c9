import { CaseState } from '../../../shared/domain/case-state';
import {
  actor,
  caseIn,
  caseType,
  ctx,
  T1,
  TENANT,
} from '../../../../test/support/builders/case-aggregate.builder';
import { Case } from './case.aggregate';
import { CaseEvent } from './events/case.event';

const { NEW, OPENED, IN_PROCESS, ON_HOLD, RESOLVED, CANCELED } = CaseState;
const typesOf = (events: unknown[]) => events.map((e) => (e as CaseEvent).type);

describe('Case invariants: transfer and milestones', () => {
  describe('transferOut', () => {
    const target = caseType({
      id: 'type-2',
      name: 'Request',
      defaultAssignedToGroups: ['desk'],
      dueInHours: 8,
    });

    it('creates the new case with a relation to the original and cancels the original with a pointer', () => {
      const original = caseIn(IN_PROCESS, {
        description: 'Smoke',
        assignedToUsers: ['bob'],
        tags: ['vip'],
        priorityId: 'p',
        priorityLevel: 3,
      });
      const moved = original.transferOut(
        target,
        { id: 'p', level: 3 },
        8,
        ctx(actor(), T1, 'Wrong queue'),
      );
      const relation = {
        caseId: original.id,
        displayId: `CM${TENANT}-7`,
        caseTypeId: 'type-1',
        caseTypeName: 'Incident',
        transferredAt: T1.toISOString(),
        transferredBy: 'alice',
      };
      expect(moved.snapshot).toMatchObject({
        state: NEW,
        displayId: `CM${TENANT}-8`,
        caseTypeId: 'type-2',
        details: 'Printer on fire',
        description: 'Smoke',
        tags: ['vip'],
        initiatorId: 'alice',
        assignedToUsers: [],
        assignedToGroups: ['desk'],
        priorityId: 'p',
        dueDate: new Date('2026-01-05T18:30:00.000Z'),
        caseRelation: relation,
      });
      expect(typesOf(moved.pullEvents())).toEqual(['case.created']);
      expect(original.snapshot).toMatchObject({
        state: CANCELED,
        transferredTo: {
          caseId: moved.id,
          displayId: `CM${TENANT}-8`,
          caseTypeId: 'type-2',
          caseTypeName: 'Request',
          transferredAt: T1.toISOString(),
          transferredBy: 'alice',
        },
      });
      const [transferred] = original.pullEvents() as CaseEvent[];
      expect(transferred.type).toBe('case.transferred');
      expect(transferred.context.comment).toMatchObject({ text: 'Wrong queue' });
    });

    it('refuses the same type (400) and an unavailable target (409), changing nothing', () => {
      const original = caseIn(OPENED);
      expect(() => original.transferOut(caseType(), null, 8, ctx())).toThrow(
        expect.objectContaining({ code: 'CASE4000' }),
      );
      expect(() => original.transferOut({ ...target, available: false }, null, 8, ctx())).toThrow(
        expect.objectContaining({ code: 'CASE4096' }),
      );
      expect(original.snapshot.state).toBe(OPENED);
      expect(original.pullEvents()).toEqual([]);
    });
  });

  describe('milestones', () => {
    const milestones = [
      { name: 'Picked up', percent: 25, onState: OPENED },
      { name: 'Working', percent: 50, onState: IN_PROCESS },
      { name: 'Done', percent: 100, onState: RESOLVED },
      { name: 'Paused', percent: 30, onState: ON_HOLD },
    ];

    it('records a milestone once when its state is reached and raises completedPercent', () => {
      const kase = caseIn(NEW, {}, { milestones });
      kase.open(ctx());
      kase.process(ctx());
      expect(kase.snapshot.completedPercent).toBe(50);
      expect(kase.snapshot.milestones).toEqual([
        { name: 'Picked up', percent: 25, onState: OPENED, reachedAt: T1.toISOString() },
        { name: 'Working', percent: 50, onState: IN_PROCESS, reachedAt: T1.toISOString() },
      ]);
      expect(typesOf(kase.pullEvents())).toEqual([
        'case.opened',
        'case.milestone-reached',
        'case.processing-started',
        'case.milestone-reached',
      ]);
    });

    it('never lowers completedPercent, and never records a milestone twice', () => {
      const kase = caseIn(IN_PROCESS, {}, { milestones });
      kase.hold(ctx());
      expect(kase.snapshot.completedPercent).toBe(30);
      kase.resolve(ctx(), 'ok');
      kase.reopen(ctx());
      kase.hold(ctx());
      kase.resolve(ctx(), 'ok again');
      expect(kase.snapshot.completedPercent).toBe(100);
      expect(kase.snapshot.milestones.map((m) => m.name)).toEqual(['Paused', 'Done']);
      const lower = caseIn(OPENED, { completedPercent: 80 }, { milestones });
      lower.process(ctx());
      expect(lower.snapshot.completedPercent).toBe(80);
      expect(lower.snapshot.milestones.map((m) => m.name)).toEqual(['Working']);
    });

    it('a milestone on NEW is reached at creation', () => {
      const type = caseType({ milestones: [{ name: 'Logged', percent: 5, onState: NEW }] });
      const kase = Case.create({ caseTypeId: type.id, details: 'x', seq: 1 }, type, null, ctx());
      expect(kase.snapshot).toMatchObject({
        completedPercent: 5,
        milestones: [{ name: 'Logged', percent: 5, onState: NEW, reachedAt: T1.toISOString() }],
      });
      expect(typesOf(kase.pullEvents())).toEqual(['case.created', 'case.milestone-reached']);
    });
  });
});
