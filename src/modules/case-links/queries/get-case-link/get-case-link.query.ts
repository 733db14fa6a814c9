import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseLinkResponseDto } from '../../http/case-link.response.dto';

/** One link of a case the caller has just been shown (by id), from that case's side. */
export class GetCaseLinkQuery extends Query<CaseLinkResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly linkId: string,
  ) {
    super();
  }
}
