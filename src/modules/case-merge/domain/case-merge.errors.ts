import { ConflictError, RuleViolationError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class CaseMergeIntoSelfError extends RuleViolationError {
  constructor() {
    super(ErrorCode.CaseMergeIntoSelf, undefined, [
      { field: 'intoCaseId', message: 'intoCaseId must name another case' },
    ]);
  }
}

export class CaseMergeTargetClosedError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseMergeTargetClosed);
  }
}

export class CaseUnmergeExpiredError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseUnmergeExpired);
  }
}

export class CaseMergeTargetMergedOnError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseMergeTargetMergedOn);
  }
}
