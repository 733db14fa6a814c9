import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { SolutionResponseDto } from '../../http/solution.response.dto';
import { afterCursor, containsPattern, SOLUTION_SELECT } from '../definition.sql';
import { ListSolutionsQuery } from './list-solutions.query';

@QueryHandler(ListSolutionsQuery)
export class ListSolutionsHandler implements IQueryHandler<ListSolutionsQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    limit,
    cursor,
    filter,
  }: ListSolutionsQuery): Promise<ListEnvelope<SolutionResponseDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<SolutionResponseDto>(
      `${SOLUTION_SELECT}
        WHERE s.client_id = $1 AND s.deleted_at IS NULL
          AND ($3::boolean IS NULL OR s.active = $3)
          AND ($4::text IS NULL OR s.name ILIKE $4 OR s.code ILIKE $4)
          AND ${afterCursor('s', 5)}
        ORDER BY s.created_at, s.id LIMIT $2`,
      [actor.clientId, limit + 1, filter.active ?? null, containsPattern(filter.q), ...after],
    );
    return toPage(rows, limit, (s) => [s.createdAt.toISOString(), s.id]);
  }
}
