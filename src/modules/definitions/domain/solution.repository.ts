import { Solution } from './solution';

export abstract class SolutionRepository {
  /** A live solution of the tenant, locked for update inside a transaction; or null. */
  abstract findById(clientId: string, id: string): Promise<Solution | null>;
  abstract codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean>;
  /** Inserts or updates the row and appends the aggregate's events to the outbox. */
  abstract save(solution: Solution): Promise<void>;
  /** Marks the solution's live processes and their case types deleted at `at`. */
  abstract deleteChildren(clientId: string, solutionId: string, at: Date): Promise<void>;
}
