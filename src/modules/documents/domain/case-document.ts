import { CaseDocumentFacts } from '../../cases/domain/case-collaboration';

/** A document row: what the case knows of it, plus where its bytes are stored. */
export interface CaseDocument extends CaseDocumentFacts {
  clientId: string;
  caseId: string;
  storageKey: string;
  uploadedBy: string;
  createdAt: Date;
}
