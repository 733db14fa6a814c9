import { Permission } from '../../../shared/auth/permission.enum';
import { ALL_STATES, CaseState } from '../../../shared/domain/case-state';
import { DomainError } from '../../../shared/errors/domain-error';
import {
  actor,
  caseIn,
  caseType,
  ctx,
  T0,
  T1,
  TENANT,
} from '../../../../test/support/builders/case-aggregate.builder';
import { Case } from './case.aggregate';
import { InvalidCaseTransitionError } from './case.errors';
import { ChangeContext } from './case.props';
import { CaseTypeConfig } from './case-type-config.reader';
import { CaseEvent } from './events/case.event';

const { NEW, OPENED, IN_PROCESS, REQUEST_INPUT, ON_HOLD, RESOLVED, REOPENED, COMPLETED, CANCELED } =
  CaseState;
const LIVE = [NEW, OPENED, IN_PROCESS, REQUEST_INPUT, ON_HOLD, RESOLVED, REOPENED];
const every = (to: CaseState | 'same') =>
  Object.fromEntries(LIVE.map((s) => [s, to === 'same' ? s : to]));

const OTHER_TYPE = caseType({ id: 'type-2', name: 'Request' });

type Action = {
  run: (c: Case, x: ChangeContext) => unknown;
  event: string;
  /** Written out from SPEC §5: from-state → to-state; absent means 409. */
  allowed: Partial<Record<CaseState, CaseState>>;
  /** Props the action needs besides the state (unclaim needs a claim). */
  given?: { assignedToUsers: string[] };
};

const ACTIONS: Record<string, Action> = {
  open: {
    run: (c, x) => c.open(x),
    event: 'case.opened',
    allowed: { NEW: OPENED, REOPENED: OPENED },
  },
  process: {
    run: (c, x) => c.process(x),
    event: 'case.processing-started',
    allowed: {
      OPENED: IN_PROCESS,
      REOPENED: IN_PROCESS,
      REQUEST_INPUT: IN_PROCESS,
      ON_HOLD: IN_PROCESS,
    },
  },
  requestInput: {
    run: (c, x) => c.requestInput(x),
    event: 'case.input-requested',
    allowed: { OPENED: REQUEST_INPUT, IN_PROCESS: REQUEST_INPUT, REOPENED: REQUEST_INPUT },
  },
  hold: {
    run: (c, x) => c.hold(x, 'waiting for parts'),
    event: 'case.put-on-hold',
    allowed: { OPENED: ON_HOLD, IN_PROCESS: ON_HOLD, REQUEST_INPUT: ON_HOLD, REOPENED: ON_HOLD },
  },
  resolve: {
    run: (c, x) => c.resolve(x, 'Replaced the toner'),
    event: 'case.resolved',
    allowed: {
      OPENED: RESOLVED,
      IN_PROCESS: RESOLVED,
      REQUEST_INPUT: RESOLVED,
      ON_HOLD: RESOLVED,
      REOPENED: RESOLVED,
    },
  },
  complete: {
    run: (c, x) => c.complete(x),
    event: 'case.completed',
    allowed: { RESOLVED: COMPLETED },
  },
  cancel: {
    run: (c, x) => c.cancel(x, 'duplicate'),
    event: 'case.canceled',
    allowed: every(CANCELED),
  },
  reopen: {
    run: (c, x) => c.reopen(x),
    event: 'case.reopened',
    allowed: { RESOLVED: REOPENED, COMPLETED: REOPENED },
  },
  claim: { run: (c, x) => c.claim(x), event: 'case.claimed', allowed: every('same') },
  unclaim: {
    run: (c, x) => c.unclaim(x),
    event: 'case.unclaimed',
    allowed: every('same'),
    given: { assignedToUsers: ['alice'] },
  },
  edit: {
    run: (c, x) => c.edit({ details: 'Printer still on fire' }, null, x),
    event: 'case.updated',
    allowed: every('same'),
  },
  transferOut: {
    run: (c, x) => c.transferOut(OTHER_TYPE, null, 8, x),
    event: 'case.transferred',
    allowed: every(CANCELED),
  },
};

const typesOf = (events: unknown[]) => events.map((e) => (e as CaseEvent).type);

describe('Case transition table (every action from every state)', () => {
  describe.each(Object.entries(ACTIONS))('%s', (name, action) => {
    it.each(ALL_STATES)(`from %s`, (from) => {
      const kase = caseIn(from, action.given);
      const before = structuredClone(kase.snapshot);
      const to = action.allowed[from];
      if (to) {
        action.run(kase, ctx());
        expect(kase.snapshot.state).toBe(to);
        const events = kase.pullEvents() as CaseEvent[];
        expect(events.map((e) => e.type)).toEqual([action.event]);
        if (to !== from || name === 'transferOut') {
          expect(events[0].data).toMatchObject({ fromState: from, toState: to });
        }
        expect(kase.snapshot).toMatchObject({ updatedAt: T1, updatedBy: 'alice' });
        return;
      }
      let error: unknown;
      try {
        action.run(kase, ctx());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidCaseTransitionError);
      const conflict = error as DomainError;
      expect(conflict.code).toBe('CASE4091');
      expect(conflict.message).toContain(`'${name}'`);
      expect(conflict.message).toContain(from);
      expect(conflict.details).toEqual([
        expect.objectContaining({ field: 'state', currentState: from, action: name }),
      ]);
      expect(kase.snapshot).toEqual(before);
      expect(kase.pullEvents()).toEqual([]);
    });
  });

  it('keeps terminal states closed to everything but reopen (from COMPLETED)', () => {
    const leaving = Object.entries(ACTIONS)
      .filter(([, a]) => a.allowed[COMPLETED] || a.allowed[CANCELED])
      .map(([name]) => name);
    expect(leaving).toEqual(['reopen']);
  });
});

describe('Case.create', () => {
  const create = (
    input: Partial<Parameters<typeof Case.create>[0]> = {},
    type: CaseTypeConfig = caseType(),
    by = actor(),
  ) =>
    Case.create(
      { caseTypeId: type.id, details: '  Printer on fire  ', seq: 42, ...input },
      type,
      { id: 'prio-1', level: 2 },
      ctx(by, T0),
    );

  it('starts NEW at version 1 with the displayId, the caller as USER initiator and the priority', () => {
    const kase = create();
    expect(kase.isNew).toBe(true);
    expect(kase.snapshot).toMatchObject({
      clientId: TENANT,
      seq: 42,
      displayId: `CM${TENANT}-42`,
      state: NEW,
      version: 1,
      details: 'Printer on fire',
      initiatorId: 'alice',
      initiatorType: 'USER',
      priorityId: 'prio-1',
      priorityLevel: 2,
      createdBy: 'alice',
      createdAt: T0,
      completedPercent: 0,
    });
    const [created] = kase.pullEvents() as CaseEvent[];
    expect(created).toMatchObject({ type: 'case.created', actorId: 'alice', onBehalfOf: null });
    expect(created.data).toMatchObject({ toState: NEW, displayId: `CM${TENANT}-42` });
  });

  it("applies the type's default groups unless groups are given, and normalizes tags and lists", () => {
    const type = caseType({ defaultAssignedToGroups: ['tier-1'] });
    expect(create({}, type).snapshot.assignedToGroups).toEqual(['tier-1']);
    const given = create(
      {
        assignedToGroups: ['tier-2', 'tier-2 '],
        assignedToUsers: [' bob', 'bob'],
        tags: ['  VIP ', 'vip', 'Printer'],
        watchers: ['carol', 'carol'],
      },
      type,
    );
    expect(given.snapshot).toMatchObject({
      assignedToGroups: ['tier-2'],
      assignedToUsers: ['bob'],
      tags: ['vip', 'printer'],
      watchers: ['carol'],
    });
  });

  it('rejects more than 20 distinct tags or a tag over 50 characters', () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(() => create({ tags: many })).toThrow(expect.objectContaining({ code: 'CASE4000' }));
    expect(() => create({ tags: ['x'.repeat(51)] })).toThrow(
      expect.objectContaining({
        code: 'CASE4000',
        details: [expect.objectContaining({ field: 'tags' })],
      }),
    );
    expect(create({ tags: [...many.slice(0, 20), 'T0 '] }).snapshot.tags).toHaveLength(20);
  });

  it('computes dueDate and its warning from the type, or the warning from an explicit dueDate', () => {
    const type = caseType({ dueInHours: 24, warnBeforeHours: 2 });
    expect(create({}, type).snapshot).toMatchObject({
      dueDate: new Date('2026-01-06T09:00:00.000Z'),
      dueDateWarning: new Date('2026-01-06T07:00:00.000Z'),
    });
    const explicit = new Date('2026-01-10T12:00:00.000Z');
    expect(create({ dueDate: explicit }, type).snapshot).toMatchObject({
      dueDate: explicit,
      dueDateWarning: new Date('2026-01-10T10:00:00.000Z'),
    });
    expect(create({ dueDate: explicit }).snapshot).toMatchObject({
      dueDate: explicit,
      dueDateWarning: null,
    });
    expect(create().snapshot).toMatchObject({ dueDate: null, dueDateWarning: null });
  });

  it('gives each event the case as it left it, for the subscribers (SLA clocks, notifications)', () => {
    const kase = create({ watchers: ['wendy'], assignedToGroups: ['desk'] });
    const [created] = kase.pullEvents() as CaseEvent[];
    expect(created.context.case).toEqual({
      displayId: kase.snapshot.displayId,
      details: 'Printer on fire',
      state: NEW,
      caseTypeId: 'type-1',
      priorityId: 'prio-1',
      watchers: ['wendy'],
      assignedToUsers: [],
      assignedToGroups: ['desk'],
    });
    expect(created.payload()).toMatchObject({ case: created.context.case });
  });

  it('needs CASE_INSTANCE_PROXY_SAVE to create for someone else, and records whom for', () => {
    const creator = actor('alice', [Permission.CASE_CREATE]);
    expect(() => create({ initiatorId: 'bob' }, caseType(), creator)).toThrow(
      expect.objectContaining({ code: 'CASE4032' }),
    );
    expect(create({ initiatorId: 'alice' }, caseType(), creator).snapshot.initiatorId).toBe(
      'alice',
    );
    const proxy = actor('alice', [Permission.CASE_CREATE, Permission.CASE_INSTANCE_PROXY_SAVE]);
    const kase = create({ initiatorId: 'bob', initiatorType: 'CUSTOMER' }, caseType(), proxy);
    expect(kase.snapshot).toMatchObject({
      initiatorId: 'bob',
      initiatorType: 'CUSTOMER',
      createdBy: 'alice',
    });
    expect(kase.pullEvents()[0]).toMatchObject({ actorId: 'alice', onBehalfOf: 'bob' });
  });

  it('refuses an inactive or deleted definition with 409 CASE4096', () => {
    expect(() => create({}, caseType({ available: false }))).toThrow(
      expect.objectContaining({ code: 'CASE4096' }),
    );
  });
});

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
