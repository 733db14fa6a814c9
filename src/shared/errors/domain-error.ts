import { ERROR_CATALOGUE, ErrorCode } from './error-codes';

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

/** Every failure the service reports on purpose; the global filter maps its code to HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {}
export class ConflictError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class RuleViolationError extends DomainError {}
