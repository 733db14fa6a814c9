import { ForbiddenError, NotFoundError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class SavedViewNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.SavedViewNotFound);
  }
}

export class NotSavedViewOwnerError extends ForbiddenError {
  constructor() {
    super(ErrorCode.NotSavedViewOwner);
  }
}
