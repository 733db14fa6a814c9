import { CaseEvent } from './case.event';

export class CaseCommentedEvent extends CaseEvent {
  readonly type = 'case.commented';
}
