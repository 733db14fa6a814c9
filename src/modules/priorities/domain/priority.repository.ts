import { Priority } from './priority';
import { PriorityUsage } from './priority.errors';

export abstract class PriorityRepository {
  /** A live (not deleted) priority of the tenant, or null. */
  abstract findById(clientId: string, id: string): Promise<Priority | null>;
  /**
   * Live case types defaulting to it or naming it in an SLA, and cases not yet COMPLETED or
   * CANCELED that carry it. Race-safe only with the priority row locked (findById in a
   * transaction): whoever starts using a priority locks its row FOR SHARE.
   */
  abstract usage(clientId: string, id: string): Promise<PriorityUsage>;
  abstract codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean>;
  /** Inserts or updates the row and appends the aggregate's events to the outbox. */
  abstract save(priority: Priority): Promise<void>;
}
