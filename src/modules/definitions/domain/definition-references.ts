import { ReferenceState } from './reference';

/**
 * The definitions a write points at. Inside a transaction each row read is locked FOR SHARE, so
 * a concurrent delete of the parent waits for this transaction (and then cascades to its work).
 */
export abstract class DefinitionReferences {
  abstract solution(clientId: string, id: string): Promise<ReferenceState>;
  abstract process(clientId: string, id: string): Promise<ReferenceState>;
  abstract caseType(clientId: string, id: string): Promise<ReferenceState>;
  /** The subset of `ids` that are live (not deleted) priorities of the tenant. */
  abstract livePriorities(clientId: string, ids: string[]): Promise<Set<string>>;
  /** The subset of `ids` that are live (not deleted) calendars of the tenant. */
  abstract liveCalendars(clientId: string, ids: string[]): Promise<Set<string>>;
}
