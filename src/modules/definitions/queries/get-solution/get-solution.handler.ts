import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { SolutionNotFoundError } from '../../domain/definition.errors';
import { SolutionResponseDto } from '../../http/solution.response.dto';
import { SOLUTION_SELECT } from '../definition.sql';
import { GetSolutionQuery } from './get-solution.query';

@QueryHandler(GetSolutionQuery)
export class GetSolutionHandler implements IQueryHandler<GetSolutionQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, solutionId }: GetSolutionQuery): Promise<SolutionResponseDto> {
    const [row] = await this.tx.query<SolutionResponseDto>(
      `${SOLUTION_SELECT} WHERE s.client_id = $1 AND s.id = $2 AND s.deleted_at IS NULL`,
      [actor.clientId, solutionId],
    );
    if (!row) throw new SolutionNotFoundError();
    return row;
  }
}
