import { CaseEvent } from './case.event';

export class CasePutOnHoldEvent extends CaseEvent {
  readonly type = 'case.put-on-hold';
}
