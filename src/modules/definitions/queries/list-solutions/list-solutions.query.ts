import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { SolutionResponseDto } from '../../http/solution.response.dto';

export interface SolutionFilter {
  active?: boolean;
  q?: string;
}

export class ListSolutionsQuery extends Query<ListEnvelope<SolutionResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly filter: SolutionFilter,
  ) {
    super();
  }
}
