import { ConflictError, NotFoundError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class PriorityNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.PriorityNotFound);
  }
}

export class DuplicatePriorityCodeError extends ConflictError {
  constructor(code: string) {
    super(ErrorCode.DuplicateCode, `A priority with code '${code}' already exists.`);
  }
}
