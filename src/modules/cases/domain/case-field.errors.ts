import { ErrorDetail, RuleViolationError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

/** Each detail names the offending `fields.<key>`. */
export class InvalidCaseFieldsError extends RuleViolationError {
  constructor(details: ErrorDetail[]) {
    super(ErrorCode.InvalidCaseFields, undefined, details);
  }
}
