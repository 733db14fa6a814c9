import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseSlaResponseDto } from '../../http/case-sla.response.dto';

export class ListCaseSlasQuery extends Query<CaseSlaResponseDto[]> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
  ) {
    super();
  }
}
