import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseCommentDto, CommentVisibility } from '../../../cases';

export class AddCommentCommand extends Command<CaseCommentDto> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly text: string,
    readonly expectedVersion?: number,
    /** Absent: internal. */
    readonly visibility?: CommentVisibility,
  ) {
    super();
  }
}
