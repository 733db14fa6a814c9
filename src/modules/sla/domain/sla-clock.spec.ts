import { CaseState } from '../../../shared/domain/case-state';
import { dueDateMarks } from './due-date-marks';
import { clockIn, dueMarks, reselect, SlaClock, startClock } from './sla-clock';
import { SlaDefinition } from '../../definitions';

const { NEW, OPENED, IN_PROCESS, ON_HOLD, REQUEST_INPUT, RESOLVED, REOPENED, COMPLETED, CANCELED } =
  CaseState;
const T0 = new Date('2026-01-05T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function definition(overrides: Partial<SlaDefinition> = {}): SlaDefinition {
  return {
    id: 'd1',
    name: 'Response',
    priorityId: null,
    warnAfterMinutes: 30,
    breachAfterMinutes: 60,
    pauseInStates: [ON_HOLD, REQUEST_INPUT],
    metric: 'resolution',
    calendarId: null,
    targetMinutes: 60,
    escalations: [],
    ...overrides,
  };
}

/** Replays state changes `[minute, state]` on a clock started at T0 in NEW. */
function replay(def: SlaDefinition, steps: [number, CaseState][]): SlaClock {
  return steps.reduce(
    (clock, [m, state]) => clockIn(clock, state, at(m)),
    startClock(def, NEW, T0),
  );
}

describe('SLA clock', () => {
  it('starts with deadlines after the thresholds, and 0 minutes is due at once', () => {
    expect(startClock(definition(), NEW, T0)).toMatchObject({ warnAt: at(30), breachAt: at(60) });
    const immediate = startClock(
      definition({ warnAfterMinutes: 0, breachAfterMinutes: 0 }),
      NEW,
      T0,
    );
    expect(immediate).toMatchObject({ warnAt: T0, breachAt: T0, pausedAt: null });
    expect(dueMarks(immediate, T0)).toEqual({ warn: true, violate: true });
    expect(dueMarks(startClock(definition(), NEW, T0), at(29))).toEqual({
      warn: false,
      violate: false,
    });
  });

  it('starts paused when the case begins in a pause state', () => {
    const clock = startClock(definition({ pauseInStates: [NEW] }), NEW, T0);
    expect(clock.pausedAt).toEqual(T0);
    expect(clockIn(clock, OPENED, at(45))).toMatchObject({
      warnAt: at(75),
      breachAt: at(105),
      pausedAt: null,
    });
  });

  it('does not count time in a pause state: the deadlines move by the paused time', () => {
    const clock = replay(definition(), [
      [5, OPENED],
      [10, ON_HOLD],
      [40, IN_PROCESS],
      [50, REQUEST_INPUT],
      [55, IN_PROCESS],
    ]);
    expect(clock).toMatchObject({ warnAt: at(65), breachAt: at(95), pausedAt: null });
  });

  it('keeps a pause running across pause states and ignores moves between running states', () => {
    const paused = replay(definition(), [
      [10, ON_HOLD],
      [20, REQUEST_INPUT],
    ]);
    expect(paused).toMatchObject({ pausedAt: at(10), warnAt: at(30) });
    const running = startClock(definition(), NEW, T0);
    expect(clockIn(running, OPENED, at(1))).toBe(running);
    expect(clockIn(clockIn(running, IN_PROCESS, at(2)), REOPENED, at(3))).toBe(running);
  });

  it('stops on resolve and resumes on reopen with the elapsed time preserved', () => {
    const stopped = replay(definition(), [
      [5, OPENED],
      [20, RESOLVED],
    ]);
    expect(stopped).toMatchObject({ stoppedAt: at(20), warnAt: at(30) });
    expect(dueMarks(stopped, at(500))).toEqual({ warn: false, violate: false });
    expect(clockIn(stopped, COMPLETED, at(30))).toBe(stopped);

    const reopened = clockIn(clockIn(stopped, COMPLETED, at(30)), REOPENED, at(120));
    // 20 minutes ran before the resolve; 10 more are left before the warning.
    expect(reopened).toMatchObject({ warnAt: at(130), breachAt: at(160), stoppedAt: null });
    expect(dueMarks(reopened, at(129)).warn).toBe(false);
    expect(dueMarks(reopened, at(130)).warn).toBe(true);
  });

  it('counts a pause followed by a stop once, and resumes into a pause state paused', () => {
    const clock = replay(definition(), [
      [10, ON_HOLD],
      [20, RESOLVED],
    ]);
    expect(clock).toMatchObject({ pausedAt: null, stoppedAt: at(20), warnAt: at(40) });
    const reopenedOnHold = clockIn(clock, ON_HOLD, at(50));
    expect(reopenedOnHold).toMatchObject({ pausedAt: at(50), stoppedAt: null, warnAt: at(70) });
    expect(clockIn(reopenedOnHold, IN_PROCESS, at(60))).toMatchObject({
      warnAt: at(80),
      breachAt: at(110),
    });
  });

  it('stops on cancel', () => {
    expect(replay(definition(), [[3, CANCELED]]).stoppedAt).toEqual(at(3));
  });

  it('never moves a deadline already marked', () => {
    const warned = { ...startClock(definition(), OPENED, T0), warnedAt: at(31) };
    const resumed = clockIn(clockIn(warned, ON_HOLD, at(40)), IN_PROCESS, at(70));
    expect(resumed).toMatchObject({ warnAt: at(30), warnedAt: at(31), breachAt: at(90) });
    const violated = { ...resumed, violatedAt: at(95) };
    expect(clockIn(clockIn(violated, RESOLVED, at(100)), REOPENED, at(200))).toMatchObject({
      warnAt: at(30),
      breachAt: at(90),
    });
  });

  it('still owes the marks crossed before a pause, and none after it', () => {
    const pausedLate = replay(definition(), [[35, ON_HOLD]]);
    expect(dueMarks(pausedLate, at(500))).toEqual({ warn: true, violate: false });
    const pausedEarly = replay(definition(), [[25, ON_HOLD]]);
    expect(dueMarks(pausedEarly, at(500))).toEqual({ warn: false, violate: false });
  });

  it('marks each deadline once', () => {
    const clock = startClock(definition(), OPENED, T0);
    expect(dueMarks(clock, at(60))).toEqual({ warn: true, violate: true });
    expect(dueMarks({ ...clock, warnedAt: at(31) }, at(60))).toEqual({
      warn: false,
      violate: true,
    });
    expect(dueMarks({ ...clock, warnedAt: at(31), violatedAt: at(61) }, at(90))).toEqual({
      warn: false,
      violate: false,
    });
  });
});

describe('SLA re-selection on a priority change', () => {
  const all = definition({ id: 'all' });
  const p1 = definition({ id: 'p1-sla', priorityId: 'p1' });
  const p2 = definition({ id: 'p2-sla', priorityId: 'p2' });
  const p2b = definition({ id: 'p2-other', priorityId: 'p2' });

  it('closes the old priority’s SLAs and starts the new one’s, leaving the others', () => {
    const running = [
      { id: 'i-all', slaDefinitionId: 'all' },
      { id: 'i-p1', slaDefinitionId: 'p1-sla' },
    ];
    expect(reselect(running, [all, p1, p2, p2b], 'p2')).toEqual({
      close: ['i-p1'],
      start: [p2, p2b],
    });
  });

  it('starts nothing already running, and only closes when the priority is cleared', () => {
    const running = [{ id: 'i-p2', slaDefinitionId: 'p2-sla' }];
    expect(reselect(running, [all, p2, p2b], 'p2')).toEqual({ close: [], start: [p2b] });
    expect(reselect(running, [all, p2], null)).toEqual({ close: ['i-p2'], start: [] });
  });

  it('keeps an instance whose definition was removed from the case type', () => {
    expect(reselect([{ id: 'i-x', slaDefinitionId: 'gone' }], [all], 'p1')).toEqual({
      close: [],
      start: [],
    });
  });
});

describe('due-date marks', () => {
  const deadlines = {
    dueDate: at(120),
    dueDateWarning: at(60),
    markedDueDateWarning: false,
    markedDueDateExceeded: false,
  };

  it('warns from the warning time and exceeds from the due date, once each', () => {
    expect(dueDateMarks(deadlines, at(59))).toEqual({ warn: false, exceed: false });
    expect(dueDateMarks(deadlines, at(60))).toEqual({ warn: true, exceed: false });
    expect(dueDateMarks(deadlines, at(120))).toEqual({ warn: true, exceed: true });
    const marked = { ...deadlines, markedDueDateWarning: true, markedDueDateExceeded: true };
    expect(dueDateMarks(marked, at(500))).toEqual({ warn: false, exceed: false });
  });

  it('has nothing to mark without a due date or a warning time', () => {
    const noWarning = { ...deadlines, dueDateWarning: null };
    expect(dueDateMarks(noWarning, at(500))).toEqual({ warn: false, exceed: true });
    expect(dueDateMarks({ ...noWarning, dueDate: null }, at(500))).toEqual({
      warn: false,
      exceed: false,
    });
  });
});
