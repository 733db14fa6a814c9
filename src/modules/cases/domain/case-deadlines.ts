export interface DueDateRules {
  dueInHours: number | null;
  warnBeforeHours: number | null;
}

const HOUR = 3_600_000;

const plus = (at: Date, ms: number) => new Date(at.getTime() + Math.round(ms));

export function dueDateWarning(dueDate: Date | null, warnBeforeHours: number | null): Date | null {
  return dueDate && warnBeforeHours !== null ? plus(dueDate, -warnBeforeHours * HOUR) : null;
}

/** An explicit due date wins over the type's `dueInHours`; the warning follows either. */
export function dueDatesAtCreation(
  createdAt: Date,
  rules: DueDateRules,
  explicit?: Date,
): { dueDate: Date | null; dueDateWarning: Date | null } {
  const dueDate =
    explicit ?? (rules.dueInHours !== null ? plus(createdAt, rules.dueInHours * HOUR) : null);
  return { dueDate, dueDateWarning: dueDateWarning(dueDate, rules.warnBeforeHours) };
}
