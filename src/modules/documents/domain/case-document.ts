import { CaseDocumentFacts } from './case-document-change';

/** A document row: what the case knows of it, plus where its bytes are stored. */
export interface CaseDocument extends CaseDocumentFacts {
  clientId: string;
  caseId: string;
  storageKey: string;
  uploadedBy: string;
  createdAt: Date;
}
