import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { FileStorage } from '../../../../shared/storage/storage.port';
import { CaseDocumentDto } from '../../../cases';
import { CASE_DOCUMENT_COLUMNS } from '../../../cases';
import { visibleCaseId } from '../../../cases';
import { CaseDocumentNotFoundError } from '../../domain/case-document.errors';
import {
  CaseDocumentContent,
  GetCaseDocumentContentQuery,
} from './get-case-document-content.query';

@QueryHandler(GetCaseDocumentContentQuery)
export class GetCaseDocumentContentHandler implements IQueryHandler<GetCaseDocumentContentQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly storage: FileStorage,
  ) {}

  async execute(query: GetCaseDocumentContentQuery): Promise<CaseDocumentContent> {
    const { actor, caseRef, documentId } = query;
    const caseId = await visibleCaseId(this.tx, actor, caseRef);
    const [row] = await this.tx.query<CaseDocumentDto & { storageKey: string }>(
      `SELECT ${CASE_DOCUMENT_COLUMNS}, d.storage_key AS "storageKey" FROM case_documents d
        WHERE d.client_id = $1 AND d.case_id = $2 AND d.id = $3`,
      [actor.clientId, caseId, documentId],
    );
    if (!row) throw new CaseDocumentNotFoundError();
    const { storageKey, ...document } = row;
    return { document, content: await this.storage.get(storageKey) };
  }
}
