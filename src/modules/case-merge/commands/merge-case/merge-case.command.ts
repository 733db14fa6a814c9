import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';

/** Resolves to the id of the merged (source) case. */
export class MergeCaseCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly intoCaseId: string,
    /** If-Match: the version of the source case the caller saw. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
