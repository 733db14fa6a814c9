import { CaseEvent } from './case.event';

export class CaseTagsAddedEvent extends CaseEvent {
  readonly type = 'case.tags-added';
}
