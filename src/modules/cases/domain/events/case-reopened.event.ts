import { CaseEvent } from './case.event';

export class CaseReopenedEvent extends CaseEvent {
  readonly type = 'case.reopened';
}
