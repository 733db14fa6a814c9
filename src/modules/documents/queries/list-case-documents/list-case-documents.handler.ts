import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { CaseDocumentDto } from '../../../cases';
import { CASE_DOCUMENT_COLUMNS } from '../../../cases';
import { visibleCaseId } from '../../../cases';
import { ListCaseDocumentsQuery } from './list-case-documents.query';

/** Oldest first, keyset-paginated on (createdAt, id). */
@QueryHandler(ListCaseDocumentsQuery)
export class ListCaseDocumentsHandler implements IQueryHandler<ListCaseDocumentsQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute(query: ListCaseDocumentsQuery): Promise<ListEnvelope<CaseDocumentDto>> {
    const { actor, caseRef, limit, cursor } = query;
    const [afterAt, afterId] = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const caseId = await visibleCaseId(this.tx, actor, caseRef);
    const rows = await this.tx.query<CaseDocumentDto>(
      `SELECT ${CASE_DOCUMENT_COLUMNS} FROM case_documents d
        WHERE d.client_id = $1 AND d.case_id = $2
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) > ($3::timestamptz, $4::uuid))
        ORDER BY d.created_at, d.id LIMIT $5`,
      [actor.clientId, caseId, afterAt, afterId, limit + 1],
    );
    return toPage(rows, limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  }
}
