import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseCommentDto } from '../../../cases';

export interface InitiatorCommentResult {
  comment: CaseCommentDto;
  /** The comment answered a REQUEST_INPUT case, which is IN_PROCESS again. */
  answeredInput: boolean;
}

export class AddInitiatorCommentCommand extends Command<InitiatorCommentResult> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly text: string,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
