import { addBusinessMinutes, WorkingWeek } from '../../calendars';

export interface DueDateRules {
  dueInHours: number | null;
  warnBeforeHours: number | null;
  /** The case type's calendar: `dueInHours` are business hours on it. Absent: around the clock. */
  dueCalendar?: WorkingWeek;
}

const HOUR = 3_600_000;

const plus = (at: Date, ms: number) => new Date(at.getTime() + Math.round(ms));

export function dueDateWarning(dueDate: Date | null, warnBeforeHours: number | null): Date | null {
  return dueDate && warnBeforeHours !== null ? plus(dueDate, -warnBeforeHours * HOUR) : null;
}

function dueAfter(createdAt: Date, rules: DueDateRules): Date | null {
  if (rules.dueInHours === null) return null;
  if (!rules.dueCalendar) return plus(createdAt, rules.dueInHours * HOUR);
  try {
    return addBusinessMinutes(rules.dueCalendar, createdAt, rules.dueInHours * 60);
  } catch {
    // Past what business time searches (ten years): as many wall-clock hours instead.
    return plus(createdAt, rules.dueInHours * HOUR);
  }
}

/**
 * An explicit due date wins over the type's `dueInHours` (business hours on the type's
 * calendar); the warning follows either, `warnBeforeHours` wall-clock hours before it.
 */
export function dueDatesAtCreation(
  createdAt: Date,
  rules: DueDateRules,
  explicit?: Date,
): { dueDate: Date | null; dueDateWarning: Date | null } {
  const dueDate = explicit ?? dueAfter(createdAt, rules);
  return { dueDate, dueDateWarning: dueDateWarning(dueDate, rules.warnBeforeHours) };
}
