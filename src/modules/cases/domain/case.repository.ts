import { CaseRef } from '../../../shared/domain/case-ref';
import { Case } from './case.aggregate';

export abstract class CaseRepository {
  /** The next displayId sequence of the tenant, inside the caller's transaction (no gaps on rollback). */
  abstract nextSequence(clientId: string): Promise<number>;
  /** The tenant's case, row-locked until the transaction ends; null when absent. */
  abstract findForUpdate(clientId: string, ref: CaseRef): Promise<Case | null>;
  /**
   * Inserts a new case or applies a versioned update, then its comments, SLA instances,
   * activity entries and outbox events: all in the caller's transaction.
   */
  abstract save(kase: Case): Promise<void>;
}
