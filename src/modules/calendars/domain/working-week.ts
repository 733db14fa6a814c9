import { ErrorDetail } from '../../../shared/errors/domain-error';
import { isKnownTimeZone } from './time-zone';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingInterval {
  /** "HH:MM" local wall time. */
  start: string;
  /** "HH:MM", or "24:00"; earlier than `start` means the next day (an overnight shift). */
  end: string;
}

export type WorkingHours = Record<Weekday, WorkingInterval[]>;

export interface Holiday {
  /** "YYYY-MM-DD", a local date. */
  date: string;
  name: string;
}

/** What business-time arithmetic needs to know about a calendar. */
export interface WorkingWeek {
  timeZone: string;
  workingHours: WorkingHours;
  holidays: Holiday[];
}

const MINUTES_PER_WEEK = 7 * 1440;
const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Round the clock, every day, no holidays: business minutes are plain minutes. */
export const ALWAYS: WorkingWeek = {
  timeZone: 'UTC',
  workingHours: Object.fromEntries(
    WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
  ) as WorkingHours,
  holidays: [],
};

/** Minutes after local midnight, or null when not "HH:MM" ("24:00" only where allowed). */
export function minutesOf(value: string, allow24 = false): number | null {
  const m = HH_MM.exec(value);
  if (!m) return null;
  if (m[3] !== undefined) return allow24 ? 1440 : null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Days since 1970-01-01 of a real "YYYY-MM-DD" date (years 1900-2199), else null. */
export function dayOf(value: string): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (year < 1900 || year > 2199 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return t / 86_400_000;
}

interface Span {
  field: string;
  from: number;
  to: number;
}

function intervalDetails(week: WorkingHours, spans: Span[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  WEEKDAYS.forEach((day, index) => {
    (week[day] ?? []).forEach((interval, i) => {
      const field = `workingHours.${day}.${i}`;
      const start = minutesOf(interval.start);
      const end = minutesOf(interval.end, true);
      if (start === null) details.push({ field: `${field}.start`, message: 'must be HH:MM' });
      if (end === null) details.push({ field: `${field}.end`, message: 'must be HH:MM or 24:00' });
      if (start === null || end === null) return;
      if (start === end) {
        details.push({ field, message: 'start and end must differ' });
        return;
      }
      const from = index * 1440 + start;
      spans.push({ field, from, to: from + (end > start ? end - start : end + 1440 - start) });
    });
  });
  return details;
}

function overlapDetails(spans: Span[]): ErrorDetail[] {
  // On the weekly line, with Sunday's overnight shift wrapping into Monday.
  const all = [
    ...spans,
    ...spans.map((s) => ({ ...s, from: s.from + MINUTES_PER_WEEK, to: s.to + MINUTES_PER_WEEK })),
  ].sort((a, b) => a.from - b.from);
  const details = new Map<string, ErrorDetail>();
  for (let i = 1; i < all.length; i++) {
    const [prev, cur] = [all[i - 1], all[i]];
    if (cur.from < prev.to && !details.has(cur.field)) {
      details.set(cur.field, { field: cur.field, message: `overlaps ${prev.field}` });
    }
  }
  return [...details.values()];
}

function holidayDetails(holidays: Holiday[]): ErrorDetail[] {
  return holidays.flatMap((h, i) =>
    dayOf(h.date) === null
      ? [{ field: `holidays.${i}.date`, message: 'must be a real date YYYY-MM-DD (1900-2199)' }]
      : [],
  );
}

/** Every reason the calendar cannot be used, one detail per field; empty when it is valid. */
export function validateWorkingWeek(week: WorkingWeek): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!isKnownTimeZone(week.timeZone)) {
    details.push({ field: 'timeZone', message: `unknown IANA time zone '${week.timeZone}'` });
  }
  const spans: Span[] = [];
  details.push(...intervalDetails(week.workingHours, spans));
  details.push(...overlapDetails(spans));
  if (details.length === 0 && spans.length === 0) {
    details.push({ field: 'workingHours', message: 'the week has no working time' });
  }
  details.push(...holidayDetails(week.holidays));
  return details;
}

/** Minutes of working time in a week without holidays or clock changes. */
export function weeklyMinutes(week: WorkingHours): number {
  let total = 0;
  for (const day of WEEKDAYS) {
    for (const { start, end } of week[day] ?? []) {
      const s = minutesOf(start) ?? 0;
      const e = minutesOf(end, true) ?? 0;
      total += e > s ? e - s : e + 1440 - s;
    }
  }
  return total;
}
