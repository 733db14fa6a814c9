import { CaseEvent } from './case.event';

export class CaseDocumentRemovedEvent extends CaseEvent {
  readonly type = 'case.document-removed';
}
