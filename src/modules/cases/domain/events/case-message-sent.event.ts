import { CaseEvent } from './case.event';

export class CaseMessageSentEvent extends CaseEvent {
  readonly type = 'case.message-sent';
}
