import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseEditInput } from '../../domain/case.props';

/** Resolves to the case id. */
export class EditCaseCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly changes: CaseEditInput,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
