import { CaseEvent } from './case.event';

export class CaseInitiatorCommentedEvent extends CaseEvent {
  readonly type = 'case.initiator-commented';
}
