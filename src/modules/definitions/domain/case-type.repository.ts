import { CaseType } from './case-type';

export abstract class CaseTypeRepository {
  /** A live case type of the tenant, locked for update inside a transaction; or null. */
  abstract findById(clientId: string, id: string): Promise<CaseType | null>;
  abstract codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean>;
  /** Inserts or updates the row and appends the aggregate's events to the outbox. */
  abstract save(caseType: CaseType): Promise<void>;
}
