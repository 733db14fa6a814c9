import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../../shared/database/transaction-manager';
import { DomainError } from '../../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../../shared/errors/error-codes';
import { ListEnvelope } from '../../../../../shared/http/envelope';
import { CursorValues, decodeCursor, toPage } from '../../../../../shared/http/pagination';
import { CaseResponseDto } from '../../../http/case.response.dto';
import { CASE_SORTS, caseListSql } from './case-list.sql';
import { CaseSort, ListCasesQuery } from './list-cases.query';

type CaseListRow = CaseResponseDto & { cursorKey: string | number | null };

/** The cursor names its sort, so a cursor of another sort is a 400 rather than a wrong page. */
function decodeCaseCursor(cursor: string | undefined, sort: CaseSort): CursorValues | undefined {
  const values = decodeCursor(cursor, ['string', CASE_SORTS[sort].field, 'uuid']);
  if (values && values[0] !== sort) throw new DomainError(ErrorCode.InvalidCursor);
  return values;
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute(query: ListCasesQuery): Promise<ListEnvelope<CaseResponseDto>> {
    const after = decodeCaseCursor(query.cursor, query.sort);
    const { sql, params } = caseListSql(query, after);
    const rows = await this.tx.query<CaseListRow>(sql, params);
    const { data, page } = toPage(rows, query.limit, (row) => [query.sort, row.cursorKey, row.id]);
    return { data: data.map(({ cursorKey: _key, ...item }) => item), page };
  }
}
