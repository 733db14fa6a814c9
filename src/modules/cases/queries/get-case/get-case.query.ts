import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseResponseDto } from '../../http/case.response.dto';

export class GetCaseQuery extends Query<CaseResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    /** The answer to the actor's own write: shown even if their view permissions would not. */
    readonly afterOwnWrite = false,
  ) {
    super();
  }
}
