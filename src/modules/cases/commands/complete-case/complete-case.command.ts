import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseActionCommand, CaseActionOptions } from '../case-action.command';

export class CompleteCaseCommand extends CaseActionCommand {
  constructor(
    actor: Actor,
    caseRef: CaseRef,
    options: CaseActionOptions = {},
    /** Auto-close: complete only if still RESOLVED by the resolution made then; else change nothing. */
    readonly ifResolvedAt?: Date,
  ) {
    super(actor, caseRef, options);
  }
}
