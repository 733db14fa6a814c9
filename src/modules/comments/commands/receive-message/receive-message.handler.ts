import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { collaborate } from '../../domain/case-collaboration';
import { CaseRepository } from '../../../cases';
import { canAnswerAsInitiator } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { CaseMessageRepository } from '../../domain/case-message.repository';
import { CaseMessageResponseDto } from '../../http/case-message.response.dto';
import { messageDto } from '../../http/message.dto-mapper';
import { ReceiveMessageCommand } from './receive-message.command';

/** An answer from the initiator's side: a case waiting in REQUEST_INPUT goes back to IN_PROCESS. */
@CommandHandler(ReceiveMessageCommand)
export class ReceiveMessageHandler implements ICommandHandler<ReceiveMessageCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly messages: CaseMessageRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute(command: ReceiveMessageCommand): Promise<CaseMessageResponseDto> {
    const { actor, caseRef, message, expectedVersion } = command;
    return this.tx.run(async () => {
      const kase = visibleOr404(
        actor,
        await this.cases.findForUpdate(actor.clientId, caseRef),
        canAnswerAsInitiator,
      );
      kase.expectVersion(expectedVersion);
      const change = { kind: 'receiveMessage' as const, ...message };
      const { message: received } = collaborate(kase, change, { actor, at: this.clock.now() });
      await this.cases.save(kase);
      await this.messages.add(actor.clientId, kase.id, received!);
      return messageDto(kase.id, received!);
    });
  }
}
