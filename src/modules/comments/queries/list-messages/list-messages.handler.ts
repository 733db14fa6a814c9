import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { visibleCaseId } from '../../../cases';
import { CaseMessageResponseDto } from '../../http/case-message.response.dto';
import { ListMessagesQuery } from './list-messages.query';

/** Both directions, oldest first, keyset-paginated on (createdAt, id). */
@QueryHandler(ListMessagesQuery)
export class ListMessagesHandler implements IQueryHandler<ListMessagesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute(query: ListMessagesQuery): Promise<ListEnvelope<CaseMessageResponseDto>> {
    const { actor, caseRef, limit, cursor } = query;
    const [afterAt, afterId] = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const caseId = await visibleCaseId(this.tx, actor, caseRef);
    const rows = await this.tx.query<CaseMessageResponseDto>(
      `SELECT id, case_id AS "caseId", direction, from_address AS "from", to_address AS "to",
              subject, body, created_at AS "createdAt", created_by AS "createdBy"
         FROM case_messages
        WHERE client_id = $1 AND case_id = $2
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id LIMIT $5`,
      [actor.clientId, caseId, afterAt, afterId, limit + 1],
    );
    return toPage(rows, limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }
}
