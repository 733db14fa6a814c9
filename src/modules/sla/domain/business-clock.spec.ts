import { CaseState } from '../../../shared/domain/case-state';
import { ALWAYS, WorkingWeek } from '../../calendars';
import {
  BusinessClock,
  clockAt,
  ClockDefinition,
  nextEscalationAt,
  recompute,
  respondedAt,
  retarget,
  startBusinessClock,
} from './business-clock';
import { legacySpans, readClock } from './clock-reading';

const { NEW, IN_PROCESS, ON_HOLD, RESOLVED, REOPENED, COMPLETED, CANCELED } = CaseState;
const OFFICE = [{ start: '09:00', end: '17:00' }];
/** Mon–Fri 09:00–17:00 in Berlin; clocks go forward on Sunday 2026-03-29 (CET → CEST). */
const BERLIN: WorkingWeek = {
  timeZone: 'Europe/Berlin',
  workingHours: {
    mon: OFFICE,
    tue: OFFICE,
    wed: OFFICE,
    thu: OFFICE,
    fri: OFFICE,
    sat: [],
    sun: [],
  },
  holidays: [],
};
const t = (iso: string) => new Date(iso);

function definition(overrides: Partial<ClockDefinition> = {}): ClockDefinition {
  return {
    metric: 'resolution',
    pauseInStates: [ON_HOLD],
    warnMinutes: 60,
    targetMinutes: 240,
    escalations: [{ atPercent: 50, actions: [{ type: 'notify', users: ['lead'], groups: [] }] }],
    ...overrides,
  };
}

describe('Business clock on a Berlin office calendar across a weekend and a DST change', () => {
  // Friday 2026-03-27 15:00 CET (14:00Z): two office hours left on Friday, the rest on Monday
  // 2026-03-30, already in summer time (09:00 CEST = 07:00Z).
  const start = t('2026-03-27T14:00:00Z');
  const started = startBusinessClock(definition(), BERLIN, NEW, start);

  it('starts with deadlines in business time', () => {
    expect(started.warnAt).toEqual(t('2026-03-27T15:00:00Z')); // Fri 16:00 CET
    expect(started.escalations[0].dueAt).toEqual(t('2026-03-27T16:00:00Z')); // Fri 17:00 CET
    expect(started.breachAt).toEqual(t('2026-03-30T09:00:00Z')); // Mon 11:00 CEST
    expect(started.spans).toEqual([{ state: 'running', from: start, to: null }]);
  });

  it('pauses without counting and resumes for what was left', () => {
    const paused = clockAt(started, BERLIN, ON_HOLD, t('2026-03-27T15:30:00Z')); // Fri 16:30
    expect(paused.elapsedMs).toBe(90 * 60_000);
    expect(paused.breachAt).toEqual(started.breachAt);
    const resumed = clockAt(paused, BERLIN, IN_PROCESS, t('2026-03-30T08:00:00Z')); // Mon 10:00
    expect(resumed.breachAt).toEqual(t('2026-03-30T10:30:00Z')); // 150 minutes later: 12:30
    expect(resumed.escalations[0].dueAt).toEqual(t('2026-03-30T08:30:00Z')); // 30 left: 10:30
    expect(resumed.warnAt).toEqual(t('2026-03-30T08:00:00Z')); // already owed: at the resume
    const reading = readClock(resumed, BERLIN, t('2026-03-30T09:00:00Z')); // Mon 11:00
    expect(reading).toEqual({
      status: 'running',
      elapsedMinutes: 150,
      remainingMinutes: 90,
      pausedMinutes: 90, // Fri 16:30–17:00 and Mon 09:00–10:00: the weekend is no business time
    });
    expect(recompute(resumed, BERLIN)).toEqual(resumed);
  });

  it('keeps a deadline already marked when it resumes', () => {
    const warned = { ...started, warnedAt: t('2026-03-27T15:00:00Z') };
    const paused = clockAt(warned, BERLIN, ON_HOLD, t('2026-03-27T15:30:00Z'));
    const resumed = clockAt(paused, BERLIN, IN_PROCESS, t('2026-03-30T08:00:00Z'));
    expect(resumed.warnAt).toEqual(t('2026-03-27T15:00:00Z'));
  });
});

describe('Business clock: met, stopped and reopened', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 5, 9) + m * 60_000);
  const clock = startBusinessClock(definition(), ALWAYS, NEW, at(0));

  it('is met when resolved, stays met when completed, and resumes when reopened', () => {
    const resolved = clockAt(clock, ALWAYS, RESOLVED, at(30));
    expect(resolved.spans.map((s) => s.state)).toEqual(['running', 'met']);
    expect(clockAt(resolved, ALWAYS, COMPLETED, at(40))).toBe(resolved);
    const reopened = clockAt(resolved, ALWAYS, REOPENED, at(100));
    expect(reopened.spans.map((s) => s.state)).toEqual(['running', 'met', 'running']);
    expect(reopened.breachAt).toEqual(at(100 + 210));
    expect(readClock(reopened, ALWAYS, at(110)).status).toBe('running');
  });

  it('stops without being met when canceled', () => {
    const canceled = clockAt(clock, ALWAYS, CANCELED, at(30));
    expect(readClock(canceled, ALWAYS, at(60))).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 30,
    });
  });

  it('meets a first response once, for good', () => {
    const fr = startBusinessClock(definition({ metric: 'firstResponse' }), ALWAYS, NEW, at(0));
    expect(clockAt(fr, ALWAYS, RESOLVED, at(5)).spans.at(-1)?.state).toBe('stopped');
    const met = respondedAt(fr, ALWAYS, at(10));
    expect(readClock(met, ALWAYS, at(20))).toMatchObject({ status: 'met', elapsedMinutes: 10 });
    expect(clockAt(met, ALWAYS, REOPENED, at(30))).toBe(met);
    expect(respondedAt(met, ALWAYS, at(40))).toBe(met);
    expect(respondedAt(clock, ALWAYS, at(10))).toBe(clock);
  });

  it('says breached before anything else', () => {
    const violated: BusinessClock = {
      ...clockAt(clock, ALWAYS, RESOLVED, at(300)),
      violatedAt: at(240),
    };
    expect(readClock(violated, ALWAYS, at(400)).status).toBe('breached');
    expect(readClock(clock, ALWAYS, at(400), at(100))).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 100,
    });
  });
});

describe('Business clock: new targets', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 5, 9) + m * 60_000);
  const ladder = [50, 80].map((atPercent) => ({
    atPercent,
    actions: [{ type: 'notify' as const, users: ['u'], groups: [] }],
  }));
  const clock = startBusinessClock(definition({ escalations: ladder }), ALWAYS, NEW, at(0));

  it('replaces thresholds and ladder, keeping marks and fired rungs', () => {
    const fired = {
      ...clock,
      warnedAt: at(60),
      escalations: clock.escalations.map((r, i) => (i === 0 ? { ...r, firedAt: at(120) } : r)),
    };
    const changed = retarget(fired, ALWAYS, {
      warnMinutes: 100,
      targetMinutes: 480,
      escalations: [ladder[0], { ...ladder[1], atPercent: 90 }],
    });
    expect(changed.warnAt).toEqual(clock.warnAt);
    expect(changed.breachAt).toEqual(at(480));
    expect(changed.escalations).toMatchObject([
      { atPercent: 50, dueAt: at(120), firedAt: at(120) },
      { atPercent: 90, dueAt: at(432), firedAt: null },
    ]);
    expect(nextEscalationAt(changed)).toEqual(at(432));
  });
});

describe('Instances stored before business time', () => {
  it('get a history that reproduces their wall-clock deadline', () => {
    const breachAt = t('2026-01-05T12:00:00Z');
    expect(legacySpans({ targetMinutes: 60, breachAt, pausedAt: null, stoppedAt: null })).toEqual([
      { state: 'running', from: t('2026-01-05T11:00:00Z'), to: null },
    ]);
    const pausedAt = t('2026-01-05T11:30:00Z');
    expect(legacySpans({ targetMinutes: 60, breachAt, pausedAt, stoppedAt: null })).toEqual([
      { state: 'running', from: t('2026-01-05T11:00:00Z'), to: pausedAt },
      { state: 'paused', from: pausedAt, to: null },
    ]);
  });
});
