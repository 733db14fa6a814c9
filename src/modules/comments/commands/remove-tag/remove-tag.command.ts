import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';

/** Resolves to the case id. */
export class RemoveTagCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly tag: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
