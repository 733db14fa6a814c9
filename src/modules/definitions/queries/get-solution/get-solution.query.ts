import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { SolutionResponseDto } from '../../http/solution.response.dto';

export class GetSolutionQuery extends Query<SolutionResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly solutionId: string,
  ) {
    super();
  }
}
