import { CaseEvent } from './case.event';

export class CaseUnclaimedEvent extends CaseEvent {
  readonly type = 'case.unclaimed';
}
