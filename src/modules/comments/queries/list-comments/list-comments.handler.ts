import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { CaseCommentDto } from '../../../cases';
import { CASE_COMMENT_COLUMNS } from '../../../cases';
import { commentsFor, visibleCase } from '../../../cases';
import { ListCommentsQuery } from './list-comments.query';

/**
 * Oldest first (the order of the conversation), keyset-paginated on (createdAt, id); internal
 * comments are left out in SQL for a caller who sees the case only as its initiator.
 */
@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<ListCommentsQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute(query: ListCommentsQuery): Promise<ListEnvelope<CaseCommentDto>> {
    const { actor, caseRef, limit, cursor } = query;
    const [afterAt, afterId] = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const { id: caseId, publicOnly } = await visibleCase(this.tx, actor, caseRef);
    const rows = await this.tx.query<CaseCommentDto>(
      `SELECT ${CASE_COMMENT_COLUMNS} FROM case_comments cc
        WHERE cc.client_id = $1 AND cc.case_id = $2 ${commentsFor(publicOnly)}
          AND ($3::timestamptz IS NULL OR (cc.created_at, cc.id) > ($3::timestamptz, $4::uuid))
        ORDER BY cc.created_at, cc.id LIMIT $5`,
      [actor.clientId, caseId, afterAt, afterId, limit + 1],
    );
    return toPage(rows, limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }
}
