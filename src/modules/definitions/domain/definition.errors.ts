import {
  ConflictError,
  ErrorDetail,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class SolutionNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.SolutionNotFound);
  }
}

export class ProcessNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.ProcessNotFound);
  }
}

export class CaseTypeNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CaseTypeNotFound);
  }
}

export class CaseTypeFileNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CaseTypeFileNotFound);
  }
}

export class UnknownStateError extends NotFoundError {
  constructor(state: string) {
    super(ErrorCode.UnknownState, `Unknown case state '${state}'.`);
  }
}

export class DuplicateDefinitionCodeError extends ConflictError {
  constructor(level: string, code: string) {
    super(ErrorCode.DuplicateCode, `A ${level} with code '${code}' already exists.`);
  }
}

export class ParentDeletedError extends ConflictError {
  constructor(parent: string) {
    super(ErrorCode.ParentDeleted, `The ${parent} is deleted.`);
  }
}

export class DefinitionUnavailableError extends ConflictError {
  constructor(message = 'The case type, its process or its solution is inactive or deleted.') {
    super(ErrorCode.DefinitionUnavailable, message);
  }
}

export class InvalidCaseTypeConfigError extends RuleViolationError {
  constructor(details: ErrorDetail[]) {
    super(ErrorCode.InvalidConfiguration, 'The case type configuration is not valid.', details);
  }
}
