import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseActionCommand, CaseActionOptions } from '../case-action.command';

/** Resolves to the id of the new case. */
export class TransferCaseCommand extends CaseActionCommand {
  constructor(
    actor: Actor,
    caseRef: CaseRef,
    readonly caseTypeId: string,
    options?: CaseActionOptions,
  ) {
    super(actor, caseRef, options);
  }
}
