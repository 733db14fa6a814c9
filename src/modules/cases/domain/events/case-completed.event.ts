import { CaseEvent } from './case.event';

export class CaseCompletedEvent extends CaseEvent {
  readonly type = 'case.completed';
}
