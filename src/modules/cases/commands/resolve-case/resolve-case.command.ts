import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseActionCommand, CaseActionOptions } from '../case-action.command';

export class ResolveCaseCommand extends CaseActionCommand {
  constructor(
    actor: Actor,
    caseRef: CaseRef,
    readonly resolution: string,
    options?: CaseActionOptions,
  ) {
    super(actor, caseRef, options);
  }
}
