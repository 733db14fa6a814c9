import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';

export class RemoveCaseLinkCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly linkId: string,
  ) {
    super();
  }
}
