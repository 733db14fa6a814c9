import { NotFoundError } from '../../shared/errors/domain-error';
import { ErrorCode } from '../../shared/errors/error-codes';

export class DirectoryUserNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.DirectoryUserNotFound);
  }
}
