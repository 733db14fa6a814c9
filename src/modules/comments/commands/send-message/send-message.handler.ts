import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { collaborate } from '../../domain/case-collaboration';
import { CaseRepository } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { CaseMessageRepository } from '../../domain/case-message.repository';
import { CaseMessageResponseDto } from '../../http/case-message.response.dto';
import { messageDto } from '../../http/message.dto-mapper';
import { SendMessageCommand } from './send-message.command';

/** The message is delivered by the notification the case's save records (case.message). */
@CommandHandler(SendMessageCommand)
export class SendMessageHandler implements ICommandHandler<SendMessageCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly messages: CaseMessageRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute(command: SendMessageCommand): Promise<CaseMessageResponseDto> {
    const { actor, caseRef, message, expectedVersion } = command;
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(expectedVersion);
      const change = { kind: 'sendMessage' as const, ...message };
      const { message: sent } = collaborate(kase, change, { actor, at: this.clock.now() });
      await this.cases.save(kase);
      await this.messages.add(actor.clientId, kase.id, sent!);
      return messageDto(kase.id, sent!);
    });
  }
}
