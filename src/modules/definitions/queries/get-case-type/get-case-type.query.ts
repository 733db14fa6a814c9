import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseTypeResponseDto } from '../../http/case-type.response.dto';

export class GetCaseTypeQuery extends Query<CaseTypeResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
  ) {
    super();
  }
}
