import fc from 'fast-check';
import { addBusinessMinutes, businessMinutesBetween } from './business-time';
import { BusinessTimeOutOfRangeError } from './calendar.errors';
import { WEEKDAYS, WorkingHours, WorkingWeek } from './working-week';

const MINUTE = 60_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney'] as const;
/** Clock changes of 2026 in the three zones; the times below cluster around them. */
const TRANSITIONS = [
  '2026-03-08T07:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-04-04T16:00:00Z',
  '2026-10-03T16:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-11-01T06:00:00Z',
].map((iso) => Date.parse(iso));

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Non-overlapping intervals on the weekly line, many of them near 01:00-03:00 and overnight. */
const workingHours = fc
  .uniqueArray(
    fc.oneof(
      fc.integer({ min: 0, max: 7 * 1440 - 1 }),
      fc
        .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 60, max: 200 }))
        .map(([d, m]) => d * 1440 + m),
    ),
    { minLength: 2, maxLength: 12 },
  )
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as WorkingHours;
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const from = sorted[i];
      const to = Math.min(sorted[i + 1], from + 1439);
      const day = Math.floor(from / 1440);
      const start = from % 1440;
      const end = to - day * 1440;
      hours[WEEKDAYS[day]].push({
        start: hhmm(start),
        end: end === 1440 ? '24:00' : hhmm(end % 1440),
      });
    }
    return hours;
  });

const dayIso = (t: number) => new Date(t).toISOString().slice(0, 10);
const calendar: fc.Arbitrary<WorkingWeek> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    workingHours,
    holidays: fc.uniqueArray(
      fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -10, max: 10 })),
      { maxLength: 6, selector: ([t, d]) => dayIso(t + d * 86_400_000) },
    ),
  })
  .map(({ timeZone, workingHours: hours, holidays }) => ({
    timeZone,
    workingHours: hours,
    holidays: holidays.map(([t, d]) => ({ date: dayIso(t + d * 86_400_000), name: 'H' })),
  }));

/** Instants within twelve days of a clock change, at millisecond resolution. */
const instant = fc
  .tuple(
    fc.constantFrom(...TRANSITIONS),
    fc.integer({ min: -12 * 1440, max: 12 * 1440 }),
    fc.nat(MINUTE - 1),
  )
  .map(([t, m, ms]) => new Date(t + m * MINUTE + (ms % 3 === 0 ? 0 : ms)));
const minutes = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40_000 }));

const between = businessMinutesBetween;
/** Searches longer than the supported range are refused; those draws are skipped. */
function add(c: WorkingWeek, t: Date, m: number): Date {
  try {
    return addBusinessMinutes(c, t, m);
  } catch (error) {
    fc.pre(!(error instanceof BusinessTimeOutOfRangeError));
    throw error;
  }
}
const isWorking = (c: WorkingWeek, t: Date) => between(c, new Date(t.getTime() - 1), t) > 0;

/** Wall-clock reading of `t` in `zone`, independent of the code under test. */
function wall(zone: string, t: number): { date: string; weekday: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Working by the wall clock alone; right wherever the wall time is not repeated. */
function oracle(c: WorkingWeek, t: number): boolean {
  const now = wall(c.timeZone, t);
  const previous = new Date(Date.parse(`${now.date}T00:00:00Z`) - 86_400_000);
  const yesterday = { date: previous.toISOString().slice(0, 10), weekday: (now.weekday + 6) % 7 };
  const holiday = (date: string) => c.holidays.some((h) => h.date === date);
  const toMin = (s: string) =>
    s === '24:00' ? 1440 : Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  const today = c.workingHours[WEEKDAYS[now.weekday]].some(({ start, end }) => {
    const [s, e] = [toMin(start), toMin(end)];
    return !holiday(now.date) && now.minute >= s && (e <= s || now.minute < e);
  });
  const tail = c.workingHours[WEEKDAYS[yesterday.weekday]].some(({ start, end }) => {
    const [s, e] = [toMin(start), toMin(end)];
    return !holiday(yesterday.date) && e <= s && now.minute < e;
  });
  return today || tail;
}
const nearChange = (t: number) => TRANSITIONS.some((x) => Math.abs(t - x) < 3 * 3_600_000);

describe('business time, properties over random calendars across DST changes', () => {
  it('between(t, add(t, m)) = m', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (c, t, m) => {
        expect(between(c, t, add(c, t, m))).toBe(m);
      }),
    );
  });

  it('add(t, between(t, u)) <= u, and = u when u closes a working minute', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (c, t, u) => {
        const back = add(c, t, between(c, t, u));
        if (u <= t) expect(back).toEqual(t);
        else if (isWorking(c, u)) expect(back).toEqual(u);
        else expect(back.getTime()).toBeLessThanOrEqual(u.getTime());
      }),
    );
  });

  it('is monotonic in the start and in the minutes', () => {
    fc.assert(
      fc.property(calendar, instant, instant, minutes, minutes, (c, t1, t2, a, b) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [small, big] = a <= b ? [a, b] : [b, a];
        expect(add(c, early, small).getTime()).toBeLessThanOrEqual(add(c, late, small).getTime());
        expect(add(c, early, small).getTime()).toBeLessThanOrEqual(add(c, early, big).getTime());
        expect(between(c, early, late)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('is additive: add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (c, t, a, b) => {
        expect(add(c, add(c, t, a), b)).toEqual(add(c, t, a + b));
      }),
    );
  });

  it('lands at the end of a working minute that no holiday blanks (or on the start for 0)', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (c, t, m) => {
        const result = add(c, t, m);
        if (m === 0) return expect(result).toEqual(t);
        const last = result.getTime() - 1;
        expect(isWorking(c, result)).toBe(true);
        if (!nearChange(last)) expect(oracle(c, last)).toBe(true);
      }),
    );
  });

  it('agrees minute by minute with the wall clock away from repeated hours', () => {
    fc.assert(
      fc.property(calendar, instant, (c, t) => {
        const start = Math.floor(t.getTime() / MINUTE) * MINUTE;
        for (let m = start; m < start + 1440 * MINUTE; m += 11 * MINUTE) {
          if (nearChange(m) && !springForward(m)) continue;
          expect([new Date(m).toISOString(), isWorking(c, new Date(m + 1))]).toEqual([
            new Date(m).toISOString(),
            oracle(c, m),
          ]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts whole weeks in one step exactly as day by day', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 8, max: 40 }), (c, t, days) => {
        const u = new Date(t.getTime() + days * 86_400_000);
        let daily = 0;
        for (let d = 0; d < days; d++) {
          const from = new Date(t.getTime() + d * 86_400_000);
          daily += between(c, from, new Date(from.getTime() + 86_400_000));
        }
        expect(between(c, t, u)).toBeCloseTo(daily, 6);
      }),
      { numRuns: 60 },
    );
  });
});

/** Spring-forward changes have no repeated wall time, so the wall-clock oracle is exact there. */
function springForward(t: number): boolean {
  const spring = [
    Date.parse('2026-03-08T07:00:00Z'),
    Date.parse('2026-03-29T01:00:00Z'),
    Date.parse('2026-10-03T16:00:00Z'),
  ];
  return spring.some((x) => Math.abs(t - x) < 3 * 3_600_000);
}
