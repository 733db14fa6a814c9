import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class CaseLinkToSelfError extends RuleViolationError {
  constructor() {
    super(ErrorCode.CaseLinkToSelf);
  }
}

export class CaseLinkNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CaseLinkNotFound);
  }
}

export class CaseLinkCycleError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseLinkCycle);
  }
}

export class CaseLinkExistsError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseLinkExists);
  }
}
