import { CaseDocument } from './case-document';

export abstract class CaseDocumentRepository {
  /** The document of the tenant's case, row-locked inside a transaction; null when absent. */
  abstract find(clientId: string, caseId: string, documentId: string): Promise<CaseDocument | null>;
  /** Inserts the row in the caller's transaction (its bytes are already stored). */
  abstract add(document: CaseDocument): Promise<void>;
  /** Deletes the row in the caller's transaction, and the stored bytes once it has committed. */
  abstract remove(document: CaseDocument): Promise<void>;
}
