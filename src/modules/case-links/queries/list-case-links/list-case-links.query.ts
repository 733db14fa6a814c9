import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseLinkResponseDto } from '../../http/case-link.response.dto';

export class ListCaseLinksQuery extends Query<ListEnvelope<CaseLinkResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
