import { CaseTypeFile } from './case-type-file';

export abstract class CaseTypeFileRepository {
  /** A file of a live case type of the tenant, locked for update inside a transaction; or null. */
  abstract findById(
    clientId: string,
    caseTypeId: string,
    fileId: string,
  ): Promise<CaseTypeFile | null>;
  /** Inserts the row and appends the file's events to the outbox. */
  abstract add(file: CaseTypeFile): Promise<void>;
  /** Deletes the row and appends the file's events to the outbox. */
  abstract remove(file: CaseTypeFile): Promise<void>;
}
