import {
  ConflictError,
  ErrorDetail,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class CalendarNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CalendarNotFound);
  }
}

export class CalendarInUseError extends ConflictError {
  constructor() {
    super(ErrorCode.CalendarInUse, 'The calendar is used by a case type or one of its SLAs.');
  }
}

export class InvalidCalendarError extends RuleViolationError {
  constructor(details: ErrorDetail[]) {
    super(ErrorCode.InvalidCalendar, undefined, details);
  }
}

export class BusinessTimeOutOfRangeError extends RuleViolationError {
  constructor(field?: string) {
    super(
      ErrorCode.BusinessTimeOutOfRange,
      undefined,
      field ? [{ field, message: 'outside the supported range' }] : undefined,
    );
  }
}
