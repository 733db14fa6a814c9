import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { CaseTypeResponseDto } from '../../http/case-type.response.dto';
import { afterCursor, CASE_TYPE_SELECT, containsPattern } from '../definition.sql';
import { ListCaseTypesQuery } from './list-case-types.query';

@QueryHandler(ListCaseTypesQuery)
export class ListCaseTypesHandler implements IQueryHandler<ListCaseTypesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    limit,
    cursor,
    filter,
  }: ListCaseTypesQuery): Promise<ListEnvelope<CaseTypeResponseDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<CaseTypeResponseDto>(
      `${CASE_TYPE_SELECT}
        WHERE ct.client_id = $1 AND ct.deleted_at IS NULL
          AND ($3::uuid IS NULL OR ct.process_id = $3)
          AND ($4::uuid IS NULL OR p.solution_id = $4)
          AND ($5::boolean IS NULL OR ct.active = $5)
          AND ($6::text IS NULL OR ct.name ILIKE $6 OR ct.code ILIKE $6)
          AND ${afterCursor('ct', 7)}
        ORDER BY ct.created_at, ct.id LIMIT $2`,
      [
        actor.clientId,
        limit + 1,
        filter.processId ?? null,
        filter.solutionId ?? null,
        filter.active ?? null,
        containsPattern(filter.q),
        ...after,
      ],
    );
    return toPage(rows, limit, (t) => [t.createdAt.toISOString(), t.id]);
  }
}
