import { RuleViolationError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

const DAY = 24 * 60 * 60_000;
/** The period when `from` is not given: the 30 days before `to`. */
export const DEFAULT_PERIOD_DAYS = 30;
/** The longest period one report covers (a leap year). */
export const MAX_PERIOD_DAYS = 366;

export class InvalidReportPeriodError extends RuleViolationError {
  constructor(message: string) {
    super(ErrorCode.InvalidReportPeriod, message, [{ field: 'from', message }]);
  }
}

/** A report's half-open period [from, to). */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** `to` defaults to now, `from` to 30 days before `to`; from < to, at most 366 days apart. */
export function reportPeriod(
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
): ReportPeriod {
  const end = to ?? now;
  const start = from ?? new Date(end.getTime() - DEFAULT_PERIOD_DAYS * DAY);
  if (start.getTime() >= end.getTime()) {
    throw new InvalidReportPeriodError('from must be before to');
  }
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY) {
    throw new InvalidReportPeriodError(`the period must not exceed ${MAX_PERIOD_DAYS} days`);
  }
  return { from: start, to: end };
}
