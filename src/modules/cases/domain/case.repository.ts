import { CaseRef } from '../../../shared/domain/case-ref';
import { Case } from './case.aggregate';

export abstract class CaseRepository {
  /** The next displayId sequence of the tenant, inside the caller's transaction (no gaps on rollback). */
  abstract nextSequence(clientId: string): Promise<number>;
  /** The tenant's case, row-locked until the transaction ends; null when absent. */
  abstract findForUpdate(clientId: string, ref: CaseRef): Promise<Case | null>;
  /**
   * Inserts a new case or applies a versioned update and appends its events to the outbox, in
   * the caller's transaction (whose in-transaction subscribers react to them: see Outbox).
   */
  abstract save(kase: Case): Promise<void>;
}
