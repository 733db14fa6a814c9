import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseMessageResponseDto } from '../../http/case-message.response.dto';

export interface InboundMessage {
  from: string;
  subject: string;
  body: string;
}

export class ReceiveMessageCommand extends Command<CaseMessageResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly message: InboundMessage,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
