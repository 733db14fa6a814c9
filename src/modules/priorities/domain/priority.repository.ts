import { Priority } from './priority';

export abstract class PriorityRepository {
  /** A live (not deleted) priority of the tenant, or null. */
  abstract findById(clientId: string, id: string): Promise<Priority | null>;
  abstract codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean>;
  /** Inserts or updates the row and appends the aggregate's events to the outbox. */
  abstract save(priority: Priority): Promise<void>;
}
