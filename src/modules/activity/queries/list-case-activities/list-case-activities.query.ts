import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseActivityResponseDto } from '../../http/case-activity.response.dto';

export class ListCaseActivitiesQuery extends Query<ListEnvelope<CaseActivityResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
