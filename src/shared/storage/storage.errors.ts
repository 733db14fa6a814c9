import { NotFoundError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

export class StoredFileNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.StoredFileNotFound);
  }
}
