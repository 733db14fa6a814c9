import { ConflictError, NotFoundError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

export class PriorityNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.PriorityNotFound);
  }
}

/** Where a priority is still in use: live case types (default or SLA) and unfinished cases. */
export interface PriorityUsage {
  caseTypes: number;
  openCases: number;
}

export class PriorityInUseError extends ConflictError {
  constructor({ caseTypes, openCases }: PriorityUsage) {
    super(
      ErrorCode.PriorityInUse,
      `The priority is still used by ${caseTypes} case type(s) and ${openCases} unfinished case(s).`,
    );
  }
}

export class DuplicatePriorityCodeError extends ConflictError {
  constructor(code: string) {
    super(ErrorCode.DuplicateCode, `A priority with code '${code}' already exists.`);
  }
}
