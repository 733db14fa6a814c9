import { CaseEvent } from './case.event';

export class CaseInputRequestedEvent extends CaseEvent {
  readonly type = 'case.input-requested';
}
