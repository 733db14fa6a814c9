import { CaseEvent } from './case.event';

export class CaseUpdatedEvent extends CaseEvent {
  readonly type = 'case.updated';
}
