import { CaseChange } from '../../cases';
import { CaseDocumentRemovedEvent } from '../../cases';
import { CaseDocumentUploadedEvent } from '../../cases';

/** What the case records of a document attached to it (the bytes live in storage). */
export interface CaseDocumentFacts {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** A document attached to or removed from a case, in every state: only its event (Case.applyChange). */
export function documentChange(kind: 'attach' | 'remove', document: CaseDocumentFacts): CaseChange {
  const { id: documentId, fileName, contentType, size, sha256 } = document;
  if (kind === 'remove') {
    return { event: CaseDocumentRemovedEvent, data: { documentId, fileName }, patch: {} };
  }
  const data = { documentId, fileName, contentType, size, sha256 };
  return { event: CaseDocumentUploadedEvent, data, patch: {} };
}
