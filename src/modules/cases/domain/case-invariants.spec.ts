import { Permission } from '../../../shared/auth/permission.enum';
import { CaseState } from '../../../shared/domain/case-state';
import {
  actor,
  caseIn,
  ctx,
  T0,
  T1,
} from '../../../../test/support/builders/case-aggregate.builder';
import { CaseEvent } from './events/case.event';

const { NEW, OPENED, IN_PROCESS, RESOLVED, REOPENED } = CaseState;

describe('Case invariants', () => {
  it('resolve needs a resolution and records who resolved it and when; reopen clears both', () => {
    const kase = caseIn(IN_PROCESS);
    expect(() => kase.resolve(ctx(), '   ')).toThrow(
      expect.objectContaining({
        code: 'CASE4000',
        details: [expect.objectContaining({ field: 'resolution' })],
      }),
    );
    expect(kase.snapshot.state).toBe(IN_PROCESS);
    expect(kase.pullEvents()).toEqual([]);

    kase.resolve(ctx(actor('bob')), ' Replaced the toner ');
    expect(kase.snapshot).toMatchObject({
      state: RESOLVED,
      resolution: 'Replaced the toner',
      resolvedBy: 'bob',
      resolutionDate: T1,
    });
    kase.reopen(ctx());
    expect(kase.snapshot).toMatchObject({
      state: REOPENED,
      resolution: null,
      resolvedBy: null,
      resolutionDate: null,
    });
    const [resolved, reopened] = kase.pullEvents() as CaseEvent[];
    expect(resolved.data.changes).toMatchObject({
      resolution: { old: null, new: 'Replaced the toner' },
      resolvedBy: { old: null, new: 'bob' },
    });
    expect(reopened.data.changes).toMatchObject({
      resolution: { old: 'Replaced the toner', new: null },
    });
  });

  it('stores the optional comment of an action and puts its id in the event', () => {
    const kase = caseIn(NEW);
    kase.open(ctx(actor(), T1, '  On it  '));
    const [event] = kase.pullEvents() as CaseEvent[];
    const comment = event.context.comment;
    expect(comment).toEqual({
      id: expect.any(String),
      visibility: 'internal',
      authorId: 'alice',
      text: 'On it',
      createdAt: T1,
    });
    expect(event.data.commentId).toBe(comment!.id);
    expect(event.payload().comment).toEqual({ kind: 'COMMENT', ...comment });
    kase.process(ctx(actor(), T1, '   '));
    const [quiet] = kase.pullEvents() as CaseEvent[];
    expect(quiet.context.comment).toBeUndefined();
    expect(quiet.data.commentId).toBeUndefined();
  });

  it('hold and cancel keep their reason in the event', () => {
    const held = caseIn(OPENED);
    held.hold(ctx(), 'waiting for parts');
    expect((held.pullEvents()[0] as CaseEvent).data.reason).toBe('waiting for parts');
    const canceled = caseIn(OPENED);
    canceled.cancel(ctx());
    expect((canceled.pullEvents()[0] as CaseEvent).data).not.toHaveProperty('reason');
  });

  describe('claim and unclaim', () => {
    it('claim puts the caller alone in assignedToUsers and keeps the groups', () => {
      const kase = caseIn(OPENED, { assignedToGroups: ['tier-1'] });
      kase.claim(ctx(actor('bob')));
      expect(kase.snapshot).toMatchObject({
        assignedToUsers: ['bob'],
        assignedToGroups: ['tier-1'],
      });
      const [claimed] = kase.pullEvents() as CaseEvent[];
      expect(claimed.data.changes).toEqual({ assignedToUsers: { old: [], new: ['bob'] } });
    });

    it('a case claimed by another user cannot be claimed (409 CASE4093), not even by an admin', () => {
      for (const users of [['bob'], ['alice', 'bob']]) {
        const kase = caseIn(OPENED, { assignedToUsers: users });
        expect(() => kase.claim(ctx(actor('alice')))).toThrow(
          expect.objectContaining({ code: 'CASE4093' }),
        );
        expect(kase.snapshot.assignedToUsers).toEqual(users);
        expect(kase.pullEvents()).toEqual([]);
      }
      const own = caseIn(OPENED, { assignedToUsers: ['alice'] });
      own.claim(ctx(actor('alice', [Permission.CASE_PROCESS])));
      expect(own.snapshot.assignedToUsers).toEqual(['alice']);
    });

    it('only the claimer unclaims (409 CASE4098 for others); CASE_ALL unclaims for anyone', () => {
      const worker = actor('carol', [Permission.CASE_PROCESS]);
      const kase = caseIn(IN_PROCESS, { assignedToUsers: ['bob'], assignedToGroups: ['g'] });
      expect(() => kase.unclaim(ctx(worker))).toThrow(
        expect.objectContaining({ code: 'CASE4098' }),
      );
      expect(kase.snapshot.assignedToUsers).toEqual(['bob']);
      kase.unclaim(ctx(actor('bob', [Permission.CASE_EDIT])));
      expect(kase.snapshot).toMatchObject({ assignedToUsers: [], assignedToGroups: ['g'] });

      const other = caseIn(IN_PROCESS, { assignedToUsers: ['bob'] });
      other.unclaim(ctx(actor('admin')));
      expect(other.snapshot.assignedToUsers).toEqual([]);

      const unclaimed = caseIn(IN_PROCESS);
      expect(() => unclaimed.unclaim(ctx(actor('admin')))).toThrow(
        expect.objectContaining({ code: 'CASE4098' }),
      );
    });
  });

  describe('edit', () => {
    it('records each changed field with its old and new value, and nothing for a no-op', () => {
      const kase = caseIn(OPENED, { location: 'HQ' });
      kase.edit({ details: 'Printer on fire', location: 'HQ' }, null, ctx());
      expect(kase.pullEvents()).toEqual([]);
      expect(kase.snapshot.updatedAt).toEqual(T0);

      kase.edit({ details: 'Two printers', location: null, completedPercent: 40 }, null, ctx());
      const [updated] = kase.pullEvents() as CaseEvent[];
      expect(updated).toMatchObject({ type: 'case.updated', actorId: 'alice', onBehalfOf: null });
      expect(updated.data.changes).toEqual({
        details: { old: 'Printer on fire', new: 'Two printers' },
        location: { old: 'HQ', new: null },
        completedPercent: { old: 0, new: 40 },
      });
    });

    it('a priority change carries the new level; clearing it clears the level', () => {
      const kase = caseIn(OPENED, { priorityId: 'p-low', priorityLevel: 5 });
      kase.edit({ priorityId: 'p-high' }, { id: 'p-high', level: 1 }, ctx());
      expect(kase.snapshot).toMatchObject({ priorityId: 'p-high', priorityLevel: 1 });
      kase.edit({ priorityId: null }, null, ctx());
      expect(kase.snapshot).toMatchObject({ priorityId: null, priorityLevel: null });
    });

    it('a new due date moves the warning by warnBeforeHours and re-arms both marks', () => {
      const kase = caseIn(
        OPENED,
        { markedDueDateWarning: true, markedDueDateExceeded: true },
        { warnBeforeHours: 4 },
      );
      kase.edit({ dueDate: new Date('2026-02-01T12:00:00.000Z') }, null, ctx());
      expect(kase.snapshot).toMatchObject({
        dueDate: new Date('2026-02-01T12:00:00.000Z'),
        dueDateWarning: new Date('2026-02-01T08:00:00.000Z'),
        markedDueDateWarning: false,
        markedDueDateExceeded: false,
      });
    });

    it('onBehalfOf someone else needs CASE_INSTANCE_PROXY_SAVE and is recorded', () => {
      const editor = actor('alice', [Permission.CASE_EDIT]);
      const kase = caseIn(OPENED);
      expect(() => kase.edit({ details: 'x', onBehalfOf: 'bob' }, null, ctx(editor))).toThrow(
        expect.objectContaining({ code: 'CASE4032' }),
      );
      expect(kase.snapshot.details).toBe('Printer on fire');
      const proxy = actor('alice', [Permission.CASE_EDIT, Permission.CASE_INSTANCE_PROXY_SAVE]);
      kase.edit({ details: 'x', onBehalfOf: 'bob' }, null, ctx(proxy));
      expect(kase.pullEvents()[0]).toMatchObject({ actorId: 'alice', onBehalfOf: 'bob' });
    });
  });

  it('expectVersion accepts the current version or none, and answers a stale one with 409 CASE4092', () => {
    const kase = caseIn(OPENED);
    expect(() => kase.expectVersion(undefined)).not.toThrow();
    expect(() => kase.expectVersion(3)).not.toThrow();
    expect(() => kase.expectVersion(2)).toThrow(
      expect.objectContaining({
        code: 'CASE4092',
        details: [expect.objectContaining({ field: 'version', currentVersion: 3 })],
      }),
    );
  });
});
