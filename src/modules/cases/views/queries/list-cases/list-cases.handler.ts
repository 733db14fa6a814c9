import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JSON_TIMESTAMPS } from '../../../../../shared/database/json-timestamps';
import { TransactionManager } from '../../../../../shared/database/transaction-manager';
import { DomainError } from '../../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../../shared/errors/error-codes';
import { ListEnvelope } from '../../../../../shared/http/envelope';
import { CursorValues, decodeCursor, toPage } from '../../../../../shared/http/pagination';
import { CaseTypeConfigReader } from '../../../domain/case-type-config.reader';
import { CASE_SORTS, caseListSql } from './case-list.sql';
import { resolveFieldFilters } from './field-filters';
import { CaseListItem, CaseSort, ListCasesQuery } from './list-cases.query';

type CaseListRow = CaseListItem & { cursorKey?: string | number | null };

/** The cursor names its sort, so a cursor of another sort is a 400 rather than a wrong page. */
function decodeCaseCursor(cursor: string | undefined, sort: CaseSort): CursorValues | undefined {
  const values = decodeCursor(cursor, ['string', CASE_SORTS[sort].field, 'uuid']);
  if (values && values[0] !== sort) throw new DomainError(ErrorCode.InvalidCursor);
  return values;
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly types: CaseTypeConfigReader,
  ) {}

  async execute(query: ListCasesQuery): Promise<ListEnvelope<CaseListItem>> {
    const after = decodeCaseCursor(query.cursor, query.sort);
    const fieldMatches = await this.fieldMatches(query);
    const { sql, params } = caseListSql({ ...query, fieldMatches }, after);
    // The rows go straight into the response, so their timestamps arrive as its text.
    const rows = await this.tx.query<CaseListRow>(sql, params, { types: JSON_TIMESTAMPS });
    const { data, page } = toPage(rows, query.limit, (row) => [
      query.sort,
      row.cursorKey ?? null,
      row.id,
    ]);
    // The key is for the cursor only. Left undefined it is not serialized, and no row is copied
    // (a copy of each row without it was 14 % of what a list request allocated).
    for (const row of data) row.cursorKey = undefined;
    return { data, page };
  }

  /** Scoped to one case type, the filters read values as its fields' types. */
  private async fieldMatches({ actor, filters }: ListCasesQuery) {
    if (!filters.field) return [];
    const type = filters.caseTypeId
      ? await this.types.findCaseType(actor.clientId, filters.caseTypeId)
      : null;
    return resolveFieldFilters(filters.field, type?.fields ?? null);
  }
}
