import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseTypeFile, CaseTypeFileKind } from '../domain/case-type-file';
import { CaseTypeFileRepository } from '../domain/case-type-file.repository';

interface CaseTypeFileRow {
  id: string;
  client_id: string;
  case_type_id: string;
  kind: CaseTypeFileKind;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  created_at: Date;
}

@Injectable()
export class CaseTypeFileSqlRepository extends CaseTypeFileRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async findById(
    clientId: string,
    caseTypeId: string,
    fileId: string,
  ): Promise<CaseTypeFile | null> {
    const [row] = await this.tx.query<CaseTypeFileRow>(
      `SELECT f.*, f.size_bytes::float8 AS size FROM case_type_files f
         JOIN case_types ct ON ct.id = f.case_type_id AND ct.client_id = f.client_id
        WHERE f.client_id = $1 AND f.case_type_id = $2 AND f.id = $3 AND ct.deleted_at IS NULL
       ${this.tx.inTransaction ? 'FOR UPDATE OF f' : ''}`,
      [clientId, caseTypeId, fileId],
    );
    if (!row) return null;
    return CaseTypeFile.restore({
      id: row.id,
      clientId: row.client_id,
      caseTypeId: row.case_type_id,
      kind: row.kind,
      fileName: row.file_name,
      contentType: row.content_type,
      size: row.size,
      sha256: row.sha256,
      storageKey: row.storage_key,
      uploadedBy: row.uploaded_by,
      createdAt: row.created_at,
    });
  }

  async add(file: CaseTypeFile): Promise<void> {
    const f = file.snapshot;
    await this.tx.query(
      `INSERT INTO case_type_files (id, client_id, case_type_id, kind, file_name, content_type,
         size_bytes, sha256, storage_key, uploaded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        f.id,
        f.clientId,
        f.caseTypeId,
        f.kind,
        f.fileName,
        f.contentType,
        f.size,
        f.sha256,
        f.storageKey,
        f.uploadedBy,
        f.createdAt,
      ],
    );
    await this.outbox.append(file.pullEvents());
  }

  async remove(file: CaseTypeFile): Promise<void> {
    const f = file.snapshot;
    await this.tx.query(`DELETE FROM case_type_files WHERE client_id = $1 AND id = $2`, [
      f.clientId,
      f.id,
    ]);
    await this.outbox.append(file.pullEvents());
  }
}
