import { addBusinessMinutes, businessMinutesBetween } from './business-time';
import { BusinessTimeOutOfRangeError } from './calendar.errors';
import { ALWAYS, WEEKDAYS, WorkingHours, WorkingInterval, WorkingWeek } from './working-week';

const week = (
  timeZone: string,
  days: Partial<WorkingHours>,
  holidays: string[] = [],
): WorkingWeek => ({
  timeZone,
  workingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, days[d] ?? []])) as WorkingHours,
  holidays: holidays.map((date) => ({ date, name: 'Holiday' })),
});
const office: WorkingInterval[] = [{ start: '09:00', end: '17:00' }];
const weekdays = (intervals: WorkingInterval[]): Partial<WorkingHours> => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
});
const at = (iso: string) => new Date(iso);
const add = (c: WorkingWeek, from: string, minutes: number) =>
  addBusinessMinutes(c, at(from), minutes).toISOString();
const between = (c: WorkingWeek, from: string, to: string) =>
  businessMinutesBetween(c, at(from), at(to));

describe('business time, hand-computed examples', () => {
  const berlin = week('Europe/Berlin', weekdays(office));

  it.each([
    // Friday 16:00 CET + 4 business hours: 1 h on Friday, 3 h on Monday.
    ['2026-03-06T15:00:00.000Z', 240, '2026-03-09T11:00:00.000Z'],
    // Saturday: counting starts at Monday's opening.
    ['2026-03-07T10:00:00.000Z', 1, '2026-03-09T08:01:00.000Z'],
    // Exactly one working day ends at the closing instant, not at the next opening.
    ['2026-03-09T08:00:00.000Z', 480, '2026-03-09T16:00:00.000Z'],
    // Across the spring-forward weekend (29 March): Monday opens at 07:00Z (CEST).
    ['2026-03-27T15:00:00.000Z', 240, '2026-03-30T10:00:00.000Z'],
    // Across the fall-back weekend (25 October): Monday opens at 08:00Z (CET).
    ['2026-10-23T14:00:00.000Z', 240, '2026-10-26T11:00:00.000Z'],
    // 10 000 minutes = 20 working days and 6h40: four weeks, then Monday 15:40 CEST.
    ['2026-06-01T07:00:00.000Z', 10_000, '2026-06-29T13:40:00.000Z'],
  ])('Europe/Berlin office hours: %s + %d min = %s', (from, minutes, expected) => {
    expect(add(berlin, from, minutes)).toBe(expected);
    expect(between(berlin, from, expected)).toBe(minutes);
  });

  it('0 minutes is the start itself, inside or outside working time', () => {
    expect(add(berlin, '2026-03-07T10:00:00.000Z', 0)).toBe('2026-03-07T10:00:00.000Z');
    expect(add(berlin, '2026-03-09T10:00:00.123Z', 0)).toBe('2026-03-09T10:00:00.123Z');
  });

  it('New York: Friday 16:00 EST + 2 h lands on Monday 10:00 EDT after spring forward', () => {
    const ny = week('America/New_York', weekdays(office));
    expect(add(ny, '2026-03-06T21:00:00.000Z', 120)).toBe('2026-03-09T14:00:00.000Z');
    expect(between(ny, '2026-03-06T21:00:00.000Z', '2026-03-09T14:00:00.000Z')).toBe(120);
  });

  it('Sydney: a whole Sunday is 25 h when clocks go back (5 April) and 23 h when they go forward (4 October)', () => {
    const sydney = week('Australia/Sydney', { sun: [{ start: '00:00', end: '24:00' }] });
    expect(between(sydney, '2026-04-02T00:00:00.000Z', '2026-04-07T00:00:00.000Z')).toBe(1500);
    expect(between(sydney, '2026-10-01T00:00:00.000Z', '2026-10-06T00:00:00.000Z')).toBe(1380);
    expect(between(sydney, '2026-04-09T00:00:00.000Z', '2026-04-14T00:00:00.000Z')).toBe(1440);
  });

  it('Berlin 02:00-03:00 does not exist on 29 March and happens twice on 25 October', () => {
    const night = week('Europe/Berlin', { sun: [{ start: '02:00', end: '03:00' }] });
    expect(between(night, '2026-03-27T00:00:00.000Z', '2026-03-31T00:00:00.000Z')).toBe(0);
    expect(between(night, '2026-03-20T00:00:00.000Z', '2026-03-24T00:00:00.000Z')).toBe(60);
    // Counting continues at the next Sunday, 02:30 CEST.
    expect(add(night, '2026-03-27T00:00:00.000Z', 30)).toBe('2026-04-05T00:30:00.000Z');
    // From the first 02:00 (CEST, 00:00Z) to 03:00 CET (02:00Z): two real hours.
    expect(between(night, '2026-10-23T00:00:00.000Z', '2026-10-27T00:00:00.000Z')).toBe(120);
    expect(add(night, '2026-10-23T00:00:00.000Z', 90)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('an interval that begins in the skipped hour begins when the clocks change', () => {
    const c = week('Europe/Berlin', { sun: [{ start: '02:30', end: '04:00' }] });
    expect(between(c, '2026-03-27T00:00:00.000Z', '2026-03-31T00:00:00.000Z')).toBe(60);
    expect(add(c, '2026-03-27T00:00:00.000Z', 1)).toBe('2026-03-29T01:01:00.000Z');
  });

  it('an overnight shift runs from its day into the next one', () => {
    const c = week('Europe/Berlin', { mon: [{ start: '22:00', end: '06:00' }] });
    expect(add(c, '2026-03-02T12:00:00.000Z', 60)).toBe('2026-03-02T22:00:00.000Z');
    expect(add(c, '2026-03-02T12:00:00.000Z', 480)).toBe('2026-03-03T05:00:00.000Z');
    expect(between(c, '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z')).toBe(300);
    // Sunday night into Monday wraps the week.
    const sunday = week('America/New_York', { sun: [{ start: '23:00', end: '01:00' }] });
    expect(between(sunday, '2026-06-07T00:00:00.000Z', '2026-06-09T00:00:00.000Z')).toBe(120);
  });

  it('a holiday blanks the shifts that start on it, including their overnight part', () => {
    const shifts = week('Europe/Berlin', {
      mon: [{ start: '22:00', end: '06:00' }],
      tue: [{ start: '09:00', end: '12:00' }],
    });
    const mondayOff = { ...shifts, holidays: [{ date: '2026-03-02', name: 'Closed' }] };
    const tuesdayOff = { ...shifts, holidays: [{ date: '2026-03-03', name: 'Closed' }] };
    const range = ['2026-03-02T00:00:00.000Z', '2026-03-04T00:00:00.000Z'] as const;
    expect(between(shifts, ...range)).toBe(660);
    expect(between(mondayOff, ...range)).toBe(180);
    // The Monday night shift started before the holiday, so it is worked to its end.
    expect(between(tuesdayOff, ...range)).toBe(480);
    expect(add(tuesdayOff, '2026-03-03T04:00:00.000Z', 61)).toBe('2026-03-09T21:01:00.000Z');
  });

  it('holidays in the office calendar push the target past them', () => {
    const easter = week('Europe/Berlin', weekdays(office), ['2026-04-03', '2026-04-06']);
    // Thursday 2 April 16:00 CEST + 2 h: 1 h Thursday, Friday and Monday off, 1 h Tuesday.
    expect(add(easter, '2026-04-02T14:00:00.000Z', 120)).toBe('2026-04-07T08:00:00.000Z');
  });

  it('the always-open calendar counts plain minutes', () => {
    expect(add(ALWAYS, '2026-03-29T00:00:00.000Z', 10_000)).toBe('2026-04-04T22:40:00.000Z');
    expect(between(ALWAYS, '2026-03-29T00:00:00.000Z', '2026-03-29T01:30:30.000Z')).toBe(90.5);
  });

  it('answers 0 for an empty or reversed range and keeps fractions of a minute', () => {
    expect(between(berlin, '2026-03-09T10:00:00.000Z', '2026-03-09T09:00:00.000Z')).toBe(0);
    expect(between(berlin, '2026-03-09T10:00:00.000Z', '2026-03-09T10:00:30.000Z')).toBe(0.5);
    expect(add(berlin, '2026-03-09T10:00:00.000Z', 0.5)).toBe('2026-03-09T10:00:30.000Z');
  });

  it('stops at the end of a long range instead of searching past it for the next opening', () => {
    // The holiday after the range keeps the whole-week step from hiding a day-by-day overrun.
    const sparse = week('UTC', { mon: [{ start: '09:00', end: '09:01' }] }, ['2036-01-10']);
    const from = Date.parse('2026-01-01T00:00:00.000Z');
    const to = from + 3659 * 86_400_000;
    let mondays = 0;
    for (let t = from; t < to; t += 86_400_000) if (new Date(t).getUTCDay() === 1) mondays++;
    expect(between(sparse, new Date(from).toISOString(), new Date(to).toISOString())).toBe(mondays);
  });

  it('refuses searches beyond about ten years instead of running on', () => {
    const sparse = week('UTC', { mon: [{ start: '09:00', end: '09:01' }] });
    expect(add(sparse, '2026-01-01T00:00:00.000Z', 500)).toBe('2035-07-30T09:01:00.000Z');
    expect(() => add(sparse, '2026-01-01T00:00:00.000Z', 600)).toThrow(BusinessTimeOutOfRangeError);
    expect(() => between(berlin, '2020-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z')).toThrow(
      BusinessTimeOutOfRangeError,
    );
    expect(() => add(berlin, '1800-01-01T00:00:00.000Z', 1)).toThrow(BusinessTimeOutOfRangeError);
    expect(() => add(berlin, '2026-01-01T00:00:00.000Z', -1)).toThrow(BusinessTimeOutOfRangeError);
    expect(() => add(berlin, '2026-01-01T00:00:00.000Z', Number.NaN)).toThrow(
      BusinessTimeOutOfRangeError,
    );
  });
});
