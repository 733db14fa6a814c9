import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseTypeResponseDto } from '../../http/case-type.response.dto';
import { SolutionFilter } from '../list-solutions/list-solutions.query';

export interface CaseTypeFilter extends SolutionFilter {
  processId?: string;
  solutionId?: string;
}

export class ListCaseTypesQuery extends Query<ListEnvelope<CaseTypeResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly filter: CaseTypeFilter,
  ) {
    super();
  }
}
