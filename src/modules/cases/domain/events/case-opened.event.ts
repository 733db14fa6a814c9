import { CaseEvent } from './case.event';

export class CaseOpenedEvent extends CaseEvent {
  readonly type = 'case.opened';
}
