import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { ProcessResponseDto } from '../../http/process.response.dto';
import { afterCursor, containsPattern, PROCESS_SELECT } from '../definition.sql';
import { ListProcessesQuery } from './list-processes.query';

@QueryHandler(ListProcessesQuery)
export class ListProcessesHandler implements IQueryHandler<ListProcessesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    limit,
    cursor,
    filter,
  }: ListProcessesQuery): Promise<ListEnvelope<ProcessResponseDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<ProcessResponseDto>(
      `${PROCESS_SELECT}
        WHERE p.client_id = $1 AND p.deleted_at IS NULL
          AND ($3::uuid IS NULL OR p.solution_id = $3)
          AND ($4::boolean IS NULL OR p.active = $4)
          AND ($5::text IS NULL OR p.name ILIKE $5 OR p.code ILIKE $5)
          AND ${afterCursor('p', 6)}
        ORDER BY p.created_at, p.id LIMIT $2`,
      [
        actor.clientId,
        limit + 1,
        filter.solutionId ?? null,
        filter.active ?? null,
        containsPattern(filter.q),
        ...after,
      ],
    );
    return toPage(rows, limit, (p) => [p.createdAt.toISOString(), p.id]);
  }
}
