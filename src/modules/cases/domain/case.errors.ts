import { CaseState } from '../../../shared/domain/case-state';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
} from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import type { CaseAction } from './case-transitions';

export class CaseNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CaseNotFound);
  }
}

export class CaseTypeNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.CaseTypeNotFound, undefined, [
      { field: 'caseTypeId', message: 'caseTypeId does not name a case type of this tenant' },
    ]);
  }
}

export class CaseTypeUnavailableError extends ConflictError {
  constructor(name: string) {
    const message = `Case type '${name}', its process or its solution is inactive or deleted; it cannot receive new cases.`;
    super(ErrorCode.DefinitionUnavailable, message, [{ field: 'caseTypeId', message }]);
  }
}

export class InvalidCasePriorityError extends RuleViolationError {
  constructor() {
    const message = 'priorityId must name an active priority of this tenant';
    super(ErrorCode.ValidationFailed, `${message}.`, [{ field: 'priorityId', message }]);
  }
}

export class InvalidCaseTransitionError extends ConflictError {
  constructor(action: CaseAction, currentState: CaseState) {
    const message = `The action '${action}' is not allowed on a case in state ${currentState}.`;
    super(ErrorCode.InvalidTransition, message, [
      { field: 'state', message, currentState, action },
    ]);
  }
}

export class StaleCaseVersionError extends ConflictError {
  constructor(expected: number, currentVersion?: number) {
    const message =
      currentVersion === undefined
        ? `The case changed after version ${expected} was read; reload it and retry.`
        : `The case is at version ${currentVersion}, not ${expected}; reload it and retry.`;
    super(ErrorCode.StaleVersion, message, [{ field: 'version', message, currentVersion }]);
  }
}

export class CaseAlreadyClaimedError extends ConflictError {
  constructor(claimedBy: string[]) {
    const message = `The case is already claimed by ${claimedBy.join(', ')}.`;
    super(ErrorCode.AlreadyClaimed, message, [{ field: 'assignedToUsers', message, claimedBy }]);
  }
}

export class CaseNotClaimedByCallerError extends ConflictError {
  constructor() {
    super(ErrorCode.NotClaimedByCaller);
  }
}

export class ProxySaveRequiredError extends ForbiddenError {
  constructor(field: 'initiatorId' | 'onBehalfOf') {
    super(ErrorCode.ProxySaveRequired, undefined, [
      { field, message: `${field} other than yourself needs CASE_INSTANCE_PROXY_SAVE` },
    ]);
  }
}

export class ResolutionRequiredError extends RuleViolationError {
  constructor() {
    const message = 'resolution is required to resolve a case';
    super(ErrorCode.ValidationFailed, `${message}.`, [{ field: 'resolution', message }]);
  }
}

export class InvalidTagsError extends RuleViolationError {
  constructor(message: string) {
    super(ErrorCode.ValidationFailed, `${message}.`, [{ field: 'tags', message }]);
  }
}

export class SameCaseTypeTransferError extends RuleViolationError {
  constructor() {
    const message = 'caseTypeId must differ from the case type of the case';
    super(ErrorCode.ValidationFailed, `${message}.`, [{ field: 'caseTypeId', message }]);
  }
}

export class CaseAlreadyMergedError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseAlreadyMerged);
  }
}

export class CaseNotMergedError extends ConflictError {
  constructor() {
    super(ErrorCode.CaseNotMerged);
  }
}
