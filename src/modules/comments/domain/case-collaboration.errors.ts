import {
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class InvalidCollaborationTextError extends RuleViolationError {
  constructor(field: string, message: string) {
    super(ErrorCode.ValidationFailed, `${message}.`, [{ field, message }]);
  }
}

export class NotInitiatorError extends ForbiddenError {
  constructor() {
    super(ErrorCode.NotInitiator);
  }
}

export class TagNotFoundError extends NotFoundError {
  constructor(tag: string) {
    super(ErrorCode.TagNotFound, `The case has no tag '${tag}'.`);
  }
}

export class WatcherNotFoundError extends NotFoundError {
  constructor(userId: string) {
    super(ErrorCode.WatcherNotFound, `'${userId}' is not watching the case.`);
  }
}

export class WatchingForOthersForbiddenError extends ForbiddenError {
  constructor() {
    const message = 'watching or unwatching for another user needs CASE_EDIT';
    super(ErrorCode.MissingPermission, `${message}.`, [{ field: 'userId', message }]);
  }
}
