import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { LinkType } from '../../domain/case-link';

/** Resolves to the new link's id and the id of the case in the path. */
export class AddCaseLinkCommand extends Command<{ linkId: string; caseId: string }> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly type: LinkType,
    readonly otherCaseId: string,
  ) {
    super();
  }
}
