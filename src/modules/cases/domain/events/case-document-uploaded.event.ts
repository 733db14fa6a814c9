import { CaseEvent } from './case.event';

export class CaseDocumentUploadedEvent extends CaseEvent {
  readonly type = 'case.document-uploaded';
}
