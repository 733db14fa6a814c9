import { BusinessTimeOutOfRangeError } from './calendar.errors';
import { firstInstantAt, localDay, offsetChangesBetween } from './time-zone';
import { dayOf, minutesOf, WEEKDAYS, weeklyMinutes, WorkingWeek } from './working-week';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far (about ten years) a search may walk before it is refused rather than run on. */
export const MAX_SEARCH_DAYS = 3660;
const EARLIEST = Date.UTC(1900, 0, 2);
const LATEST = Date.UTC(2199, 11, 30);

interface Compiled {
  zone: string;
  /** Per weekday (Monday first), intervals in minutes after local midnight, end > start. */
  days: { start: number; end: number }[][];
  holidays: Set<number>;
  weekMs: number;
}

interface Piece {
  start: number;
  end: number;
  ms: number;
  /** A whole plain week: the caller answers `true` to take it in one step, else gets its spans. */
  week: boolean;
}

function compile(c: WorkingWeek): Compiled {
  const days = WEEKDAYS.map((day) =>
    (c.workingHours[day] ?? [])
      .map((iv) => {
        const start = minutesOf(iv.start) ?? 0;
        const end = minutesOf(iv.end, true) ?? 0;
        return { start, end: end > start ? end : end + 1440 };
      })
      .sort((a, b) => a.start - b.start),
  );
  const holidays = new Set(c.holidays.map((h) => dayOf(h.date)).filter((d) => d !== null));
  return { zone: c.timeZone, days, holidays, weekMs: weeklyMinutes(c.workingHours) * MINUTE_MS };
}

const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;
const dayStart = (c: Compiled, day: number) => firstInstantAt(c.zone, day * DAY_MS);

/** Working time that starts on local date `day`; a holiday blanks all of it. */
function spansOf(c: Compiled, day: number): [number, number][] {
  if (c.holidays.has(day)) return [];
  return c.days[weekdayOf(day)]
    .map(({ start, end }): [number, number] => [
      firstInstantAt(c.zone, day * DAY_MS + start * MINUTE_MS),
      firstInstantAt(c.zone, day * DAY_MS + end * MINUTE_MS),
    ])
    .filter(([s, e]) => e > s);
}

/** No holiday and no clock change can make this week differ from the weekly template. */
function plainWeek(c: Compiled, day: number): boolean {
  for (let d = day - 1; d < day + 7; d++) if (c.holidays.has(d)) return false;
  return !offsetChangesBetween(c.zone, (day - 2) * DAY_MS, (day + 9) * DAY_MS);
}

/**
 * Working time from `from` on, in order, one local day at a time (each day clips the overnight
 * tail of the day before and its own spans), offering plain weeks as single steps.
 */
function* pieces(
  c: Compiled,
  from: number,
  until = Infinity,
): Generator<Piece, void, boolean | undefined> {
  let pos = from;
  const first = localDay(c.zone, from) - 1;
  for (let day = first; ; day++) {
    if (day - first > MAX_SEARCH_DAYS || day * DAY_MS > LATEST) {
      throw new BusinessTimeOutOfRangeError();
    }
    const [ws, we] = [dayStart(c, day), dayStart(c, day + 1)];
    if (ws >= until) return;
    if (we <= pos) continue;
    if (pos <= ws && plainWeek(c, day)) {
      const end = dayStart(c, day + 7);
      if (yield { start: ws, end, ms: c.weekMs, week: true }) {
        pos = end;
        day += 6;
        continue;
      }
    }
    for (const [s, e] of [...spansOf(c, day - 1), ...spansOf(c, day)]) {
      const [a, b] = [Math.max(s, pos, ws), Math.min(e, we)];
      if (b <= a) continue;
      yield { start: a, end: b, ms: b - a, week: false };
      pos = b;
    }
    pos = Math.max(pos, we);
  }
}

function instant(value: Date, field: string): number {
  const t = value.getTime();
  if (!(t >= EARLIEST && t <= LATEST)) throw new BusinessTimeOutOfRangeError(field);
  return t;
}

const isAlways = (c: Compiled) => c.holidays.size === 0 && c.weekMs === 7 * DAY_MS;

/**
 * The earliest instant by which `minutes` business minutes have passed since `from`: counting
 * starts at the next opening when `from` is outside working time, and 0 minutes is `from` itself.
 * Fractions of a minute are kept to the millisecond.
 */
export function addBusinessMinutes(calendar: WorkingWeek, from: Date, minutes: number): Date {
  const t = instant(from, 'from');
  if (!(minutes >= 0 && minutes <= MAX_SEARCH_DAYS * 1440)) {
    throw new BusinessTimeOutOfRangeError('addMinutes');
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(t);
  const c = compile(calendar);
  if (isAlways(c)) return new Date(instant(new Date(t + remaining), 'addMinutes'));
  const walk = pieces(c, t);
  let next = walk.next();
  for (;;) {
    const piece = next.value as Piece;
    if (piece.week) {
      const take = remaining > piece.ms;
      if (take) remaining -= piece.ms;
      next = walk.next(take);
    } else if (remaining <= piece.ms) {
      return new Date(piece.start + remaining);
    } else {
      remaining -= piece.ms;
      next = walk.next();
    }
  }
}

/** Business minutes in [from, to) (real elapsed time, to the millisecond); 0 when to <= from. */
export function businessMinutesBetween(calendar: WorkingWeek, from: Date, to: Date): number {
  const [t, u] = [instant(from, 'from'), instant(to, 'to')];
  if (u <= t) return 0;
  if (u - t > MAX_SEARCH_DAYS * DAY_MS) throw new BusinessTimeOutOfRangeError('to');
  const c = compile(calendar);
  if (isAlways(c)) return (u - t) / MINUTE_MS;
  let total = 0;
  const walk = pieces(c, t, u);
  let next = walk.next();
  while (!next.done && next.value.start < u) {
    const piece = next.value;
    const take = piece.end <= u;
    if (!piece.week) total += Math.min(piece.end, u) - piece.start;
    else if (take) total += piece.ms;
    next = walk.next(take);
  }
  return total / MINUTE_MS;
}
