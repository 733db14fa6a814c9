import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { PriorityResponseDto } from '../../http/priority.response.dto';
import { PRIORITY_COLUMNS } from '../priority.sql';
import { ListPrioritiesQuery } from './list-priorities.query';

@QueryHandler(ListPrioritiesQuery)
export class ListPrioritiesHandler implements IQueryHandler<ListPrioritiesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    limit,
    cursor,
    active,
  }: ListPrioritiesQuery): Promise<ListEnvelope<PriorityResponseDto>> {
    const after = decodeCursor(cursor, ['number', 'uuid']);
    const params: unknown[] = [actor.clientId, limit + 1, active ?? null];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'AND (level, id) > ($4::int, $5::uuid)';
    }
    const rows = await this.tx.query<PriorityResponseDto>(
      `SELECT ${PRIORITY_COLUMNS} FROM priorities
        WHERE client_id = $1 AND deleted_at IS NULL AND ($3::boolean IS NULL OR active = $3) ${keyset}
        ORDER BY level, id LIMIT $2`,
      params,
    );
    return toPage(rows, limit, (p) => [p.level, p.id]);
  }
}
