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
import { CaseProps, ChangeContext } from './case.props';
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
  /** Props the action needs besides the state (unclaim needs a claim, unmerge a merge). */
  given?: Partial<CaseProps>;
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
  mergeInto: {
    run: (c, x) => c.mergeInto('case-2', {}, x),
    event: 'case.merged',
    allowed: every(CANCELED),
  },
  unmerge: {
    run: (c, x) =>
      c.unmerge(
        { state: ON_HOLD, milestones: [], completedPercent: 0, tags: [], watchers: [] },
        {},
        x,
      ),
    event: 'case.unmerged',
    allowed: { CANCELED: ON_HOLD },
    given: { mergedInto: 'case-2' },
  },
};

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

  it('keeps terminal states closed to everything but reopen and the undo of a merge', () => {
    const leaving = Object.entries(ACTIONS)
      .filter(([, a]) => a.allowed[COMPLETED] || a.allowed[CANCELED])
      .map(([name]) => name);
    expect(leaving).toEqual(['reopen', 'unmerge']);
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
      initiatorId: kase.snapshot.initiatorId,
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
