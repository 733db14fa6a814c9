import { Process } from './process';

export abstract class ProcessRepository {
  /** A live process of the tenant, locked for update inside a transaction; or null. */
  abstract findById(clientId: string, id: string): Promise<Process | null>;
  abstract codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean>;
  /** Inserts or updates the row and appends the aggregate's events to the outbox. */
  abstract save(process: Process): Promise<void>;
  /** Marks the process's live case types deleted at `at`. */
  abstract deleteChildren(clientId: string, processId: string, at: Date): Promise<void>;
}
