import { CaseEvent } from './case.event';

export class CaseCreatedEvent extends CaseEvent {
  readonly type = 'case.created';
}
