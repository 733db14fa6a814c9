import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';

/** Resolves to the case id. */
export class WatchCaseCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    /** The caller when absent. */
    readonly userId: string | undefined,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
