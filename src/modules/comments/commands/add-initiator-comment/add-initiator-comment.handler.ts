import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { collaborate } from '../../domain/case-collaboration';
import { CaseRepository } from '../../../cases';
import { canAnswerAsInitiator } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { commentDto } from '../../http/comment.dto-mapper';
import {
  AddInitiatorCommentCommand,
  InitiatorCommentResult,
} from './add-initiator-comment.command';

@CommandHandler(AddInitiatorCommentCommand)
export class AddInitiatorCommentHandler implements ICommandHandler<AddInitiatorCommentCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute(command: AddInitiatorCommentCommand): Promise<InitiatorCommentResult> {
    const { actor, caseRef, text, expectedVersion } = command;
    return this.tx.run(async () => {
      const kase = visibleOr404(
        actor,
        await this.cases.findForUpdate(actor.clientId, caseRef),
        canAnswerAsInitiator,
      );
      kase.expectVersion(expectedVersion);
      const ctx = { actor, at: this.clock.now() };
      const { comment, answeredInput } = collaborate(kase, { kind: 'initiatorComment', text }, ctx);
      await this.cases.save(kase);
      return { comment: commentDto(comment!), answeredInput };
    });
  }
}
