import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';

/** Resolves to the id of the restored (source) case. */
export class UnmergeCaseCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
