import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseMessageResponseDto } from '../../http/case-message.response.dto';

export class ListMessagesQuery extends Query<ListEnvelope<CaseMessageResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
