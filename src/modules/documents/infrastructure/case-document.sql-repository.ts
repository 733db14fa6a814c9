import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { FileStorage } from '../../../shared/storage/storage.port';
import { CaseDocument } from '../domain/case-document';
import { CaseDocumentRepository } from '../domain/case-document.repository';

@Injectable()
export class CaseDocumentSqlRepository extends CaseDocumentRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly storage: FileStorage,
  ) {
    super();
  }

  async find(clientId: string, caseId: string, documentId: string): Promise<CaseDocument | null> {
    const [row] = await this.tx.query<CaseDocument>(
      `SELECT id, client_id AS "clientId", case_id AS "caseId", file_name AS "fileName",
              content_type AS "contentType", size_bytes::float8 AS size, sha256,
              storage_key AS "storageKey", uploaded_by AS "uploadedBy", created_at AS "createdAt"
         FROM case_documents WHERE client_id = $1 AND case_id = $2 AND id = $3
       ${this.tx.inTransaction ? 'FOR UPDATE' : ''}`,
      [clientId, caseId, documentId],
    );
    return row ?? null;
  }

  async add(d: CaseDocument): Promise<void> {
    await this.tx.query(
      `INSERT INTO case_documents (id, client_id, case_id, file_name, content_type, size_bytes,
                                   sha256, storage_key, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        d.id,
        d.clientId,
        d.caseId,
        d.fileName,
        d.contentType,
        d.size,
        d.sha256,
        d.storageKey,
        d.uploadedBy,
        d.createdAt,
      ],
    );
  }

  async remove(d: CaseDocument): Promise<void> {
    await this.tx.query(`DELETE FROM case_documents WHERE client_id = $1 AND id = $2`, [
      d.clientId,
      d.id,
    ]);
    // The bytes go only once the row is gone for good: a failure here leaves an orphan file
    // (logged by the transaction manager), never a row without its file.
    this.tx.afterCommit(() => this.storage.delete(d.storageKey));
  }
}
