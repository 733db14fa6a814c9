import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseTypeFileResponseDto } from '../../http/case-type-file.response.dto';

export class ListCaseTypeFilesQuery extends Query<ListEnvelope<CaseTypeFileResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
