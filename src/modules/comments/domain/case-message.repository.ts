import { CaseMessage } from './case-collaboration';

export abstract class CaseMessageRepository {
  /** Inserts the message of the case in the caller's transaction. */
  abstract add(clientId: string, caseId: string, message: CaseMessage): Promise<void>;
}
