import fc from 'fast-check';
import { CaseState } from '../../../shared/domain/case-state';
import { ALWAYS, businessMinutesBetween, WorkingWeek } from '../../calendars';
import {
  BusinessClock,
  businessMs,
  clockAt,
  currentSpan,
  recompute,
  respondedAt,
  spanMs,
  startBusinessClock,
} from './business-clock';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-20T06:00:00Z');
const DAY = ['08:00', '12:00'];
const split = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:30' },
];
const WEEKS: WorkingWeek[] = [
  ALWAYS,
  {
    timeZone: 'Europe/Berlin',
    workingHours: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [], sun: [] },
    holidays: [{ date: '2026-04-03', name: 'Good Friday' }],
  },
  {
    timeZone: 'America/New_York',
    workingHours: {
      mon: [{ start: DAY[0], end: DAY[1] }],
      tue: [{ start: '22:00', end: '06:00' }],
      wed: [],
      thu: [{ start: '00:00', end: '24:00' }],
      fri: [{ start: '09:30', end: '16:00' }],
      sat: [{ start: '10:00', end: '11:00' }],
      sun: [],
    },
    holidays: [],
  },
];

const STATES = Object.values(CaseState);
/** A step: minutes after the previous one, then the state the case moves to (or a response). */
const step = fc.tuple(
  fc.integer({ min: 0, max: 3 * 1440 }),
  fc.oneof(fc.constantFrom(...STATES), fc.constant('respond' as const)),
);
const scenario = fc.record({
  week: fc.constantFrom(...WEEKS),
  metric: fc.constantFrom('resolution' as const, 'firstResponse' as const),
  pause: fc.subarray([CaseState.ON_HOLD, CaseState.REQUEST_INPUT, CaseState.NEW]),
  warn: fc.integer({ min: 0, max: 2000 }),
  extra: fc.integer({ min: 0, max: 2000 }),
  percents: fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { maxLength: 3 }),
  steps: fc.array(step, { maxLength: 12 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/** Every clock the scenario goes through, with the instant of its last step. */
function replay(s: Scenario): { clock: BusinessClock; at: Date }[] {
  let at = new Date(T0);
  let clock = startBusinessClock(
    {
      metric: s.metric,
      pauseInStates: s.pause,
      warnMinutes: s.warn,
      targetMinutes: s.warn + s.extra,
      escalations: s.percents.map((atPercent) => ({ atPercent, actions: [] })),
    },
    s.week,
    CaseState.NEW,
    at,
  );
  const seen = [{ clock, at }];
  for (const [minutes, move] of s.steps) {
    at = new Date(at.getTime() + minutes * MINUTE);
    clock = move === 'respond' ? respondedAt(clock, s.week, at) : clockAt(clock, s.week, move, at);
    seen.push({ clock, at });
  }
  return seen;
}

describe('Business clock properties', () => {
  it('recomputing from the spans gives the incrementally kept clock', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { clock } of replay(s)) expect(recompute(clock, s.week)).toEqual(clock);
      }),
      { numRuns: 150 },
    );
  });

  it('later pauses and resumes never change business time already elapsed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const seen = replay(s);
        const final = seen[seen.length - 1].clock;
        for (const { clock, at } of seen) {
          expect(elapsedUntil(final, at, s.week)).toBe(elapsedUntil(clock, at, s.week));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('while running and short of the target, elapsed + business time to the breach = target', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 3000 }), (s, later) => {
        const { clock, at } = replay(s)[s.steps.length];
        const now = new Date(at.getTime() + later * MINUTE);
        if (currentSpan(clock).state !== 'running') return;
        const elapsed = spanMs(s.week, clock.spans, 'running', now);
        if (elapsed > clock.targetMinutes * MINUTE) return;
        const left = businessMinutesBetween(s.week, now, clock.breachAt) * MINUTE;
        expect(Math.round(elapsed + left)).toBe(clock.targetMinutes * MINUTE);
        expect(clock.elapsedMs).toBe(spanMs(s.week, clock.spans, 'running'));
      }),
      { numRuns: 150 },
    );
  });
});

/** Business time the clock ran before `at`, by its spans. */
function elapsedUntil(clock: BusinessClock, at: Date, week: WorkingWeek): number {
  return clock.spans
    .filter((sp) => sp.state === 'running' && sp.from < at)
    .reduce((sum, sp) => sum + businessMs(week, sp.from, sp.to && sp.to < at ? sp.to : at), 0);
}
