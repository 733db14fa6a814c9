import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { CaseTypeNotFoundError } from '../../domain/definition.errors';
import { CaseTypeFileResponseDto } from '../../http/case-type-file.response.dto';
import { CASE_TYPE_FILE_COLUMNS, LIVE_CASE_TYPE } from '../case-type-file.sql';
import { afterCursor } from '../definition.sql';
import { ListCaseTypeFilesQuery } from './list-case-type-files.query';

@QueryHandler(ListCaseTypeFilesQuery)
export class ListCaseTypeFilesHandler implements IQueryHandler<ListCaseTypeFilesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    caseTypeId,
    limit,
    cursor,
  }: ListCaseTypeFilesQuery): Promise<ListEnvelope<CaseTypeFileResponseDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const live = await this.tx.query(LIVE_CASE_TYPE, [actor.clientId, caseTypeId]);
    if (live.length === 0) throw new CaseTypeNotFoundError();
    const rows = await this.tx.query<CaseTypeFileResponseDto>(
      `SELECT ${CASE_TYPE_FILE_COLUMNS} FROM case_type_files f
        WHERE f.client_id = $1 AND f.case_type_id = $2 AND ${afterCursor('f', 4)}
        ORDER BY f.created_at, f.id LIMIT $3`,
      [actor.clientId, caseTypeId, limit + 1, ...after],
    );
    return toPage(rows, limit, (f) => [f.createdAt.toISOString(), f.id]);
  }
}
