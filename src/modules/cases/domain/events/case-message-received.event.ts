import { CaseEvent } from './case.event';

export class CaseMessageReceivedEvent extends CaseEvent {
  readonly type = 'case.message-received';
}
