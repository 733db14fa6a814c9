import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { collaborate } from '../../domain/case-collaboration';
import { CaseRepository } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { CaseCommentDto } from '../../../cases';
import { commentDto } from '../../http/comment.dto-mapper';
import { AddCommentCommand } from './add-comment.command';

@CommandHandler(AddCommentCommand)
export class AddCommentHandler implements ICommandHandler<AddCommentCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute(command: AddCommentCommand): Promise<CaseCommentDto> {
    const { actor, caseRef, text, expectedVersion, visibility } = command;
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(expectedVersion);
      const { comment } = collaborate(
        kase,
        { kind: 'comment', text, visibility },
        { actor, at: this.clock.now() },
      );
      await this.cases.save(kase);
      return commentDto(comment!);
    });
  }
}
