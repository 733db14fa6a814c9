import { HttpStatus } from '@nestjs/common';
import { ErrorCategory } from './error-code';

/** The HTTP status each error category answers with. */
export const CATEGORY_STATUS: Record<ErrorCategory, HttpStatus> = {
  [ErrorCategory.Validation]: HttpStatus.BAD_REQUEST,
  [ErrorCategory.RuleViolation]: HttpStatus.BAD_REQUEST,
  [ErrorCategory.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCategory.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCategory.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCategory.Conflict]: HttpStatus.CONFLICT,
  [ErrorCategory.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCategory.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCategory.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCategory.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCategory.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
  [ErrorCategory.RequestTimeout]: HttpStatus.REQUEST_TIMEOUT,
  [ErrorCategory.InsufficientStorage]: HttpStatus.INSUFFICIENT_STORAGE,
  [ErrorCategory.HeadersTooLarge]: 431 as HttpStatus, // Nest's HttpStatus has no name for 431
  [ErrorCategory.ExpectationFailed]: HttpStatus.EXPECTATION_FAILED,
};
