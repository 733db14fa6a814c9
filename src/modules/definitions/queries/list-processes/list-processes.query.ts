import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { ProcessResponseDto } from '../../http/process.response.dto';
import { SolutionFilter } from '../list-solutions/list-solutions.query';

export interface ProcessFilter extends SolutionFilter {
  solutionId?: string;
}

export class ListProcessesQuery extends Query<ListEnvelope<ProcessResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly filter: ProcessFilter,
  ) {
    super();
  }
}
