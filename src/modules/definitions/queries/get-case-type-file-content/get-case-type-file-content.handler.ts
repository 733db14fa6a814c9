import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { FileStorage } from '../../../../shared/storage/storage.port';
import { CaseTypeFileNotFoundError } from '../../domain/definition.errors';
import { CaseTypeFileResponseDto } from '../../http/case-type-file.response.dto';
import { CASE_TYPE_FILE_COLUMNS } from '../case-type-file.sql';
import {
  CaseTypeFileContent,
  GetCaseTypeFileContentQuery,
} from './get-case-type-file-content.query';

@QueryHandler(GetCaseTypeFileContentQuery)
export class GetCaseTypeFileContentHandler implements IQueryHandler<GetCaseTypeFileContentQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly storage: FileStorage,
  ) {}

  async execute({
    actor,
    caseTypeId,
    fileId,
  }: GetCaseTypeFileContentQuery): Promise<CaseTypeFileContent> {
    const [row] = await this.tx.query<CaseTypeFileResponseDto & { storageKey: string }>(
      `SELECT ${CASE_TYPE_FILE_COLUMNS}, f.storage_key AS "storageKey" FROM case_type_files f
         JOIN case_types ct ON ct.id = f.case_type_id AND ct.client_id = f.client_id
        WHERE f.client_id = $1 AND f.case_type_id = $2 AND f.id = $3 AND ct.deleted_at IS NULL`,
      [actor.clientId, caseTypeId, fileId],
    );
    if (!row) throw new CaseTypeFileNotFoundError();
    const { storageKey, ...file } = row;
    return { file, content: await this.storage.get(storageKey) };
  }
}
