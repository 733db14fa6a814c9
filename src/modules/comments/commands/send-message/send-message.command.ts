import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseMessageResponseDto } from '../../http/case-message.response.dto';

export interface OutboundMessage {
  subject: string;
  body: string;
  /** An e-mail address; the initiator when absent. */
  to?: string;
}

export class SendMessageCommand extends Command<CaseMessageResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly message: OutboundMessage,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
