import { MessageDirection } from '../domain/case-collaboration';

export class CaseMessageResponseDto {
  id: string;
  caseId: string;
  /** OUT: sent to the initiator (or `to`); IN: received through the gateway. */
  direction: MessageDirection;
  from: string;
  to: string | null;
  subject: string;
  body: string;
  createdAt: Date;
  createdBy: string;
}
