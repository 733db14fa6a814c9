import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, encodeCursor } from '../../../../shared/http/pagination';
import { GetCaseQuery } from '../../../cases';
import { CaseLinkResponseDto } from '../../http/case-link.response.dto';
import { LINK_ROW_COLUMNS, LinkRow, visibleLinks } from '../case-link-rows';
import { ListCaseLinksQuery } from './list-case-links.query';

/**
 * Oldest first. Links to cases the caller cannot see are left out after paging, so a page may
 * hold fewer than `limit` links while `nextCursor` still points on.
 */
@QueryHandler(ListCaseLinksQuery)
export class ListCaseLinksHandler implements IQueryHandler<ListCaseLinksQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: ListCaseLinksQuery): Promise<ListEnvelope<CaseLinkResponseDto>> {
    const { actor, caseRef, limit, cursor } = query;
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const kase = await this.queries.execute(new GetCaseQuery(actor, caseRef));
    const rows = await this.tx.query<LinkRow>(
      `SELECT ${LINK_ROW_COLUMNS} FROM case_links
        WHERE client_id = $1 AND (from_case_id = $2 OR to_case_id = $2)
          AND ($4::timestamptz IS NULL OR (created_at, id) > ($4::timestamptz, $5::uuid))
        ORDER BY created_at, id LIMIT $3`,
      [actor.clientId, kase.id, limit + 1, ...after],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
    return {
      data: await visibleLinks(this.queries, actor, kase.id, page),
      page: { limit, nextCursor },
    };
  }
}
