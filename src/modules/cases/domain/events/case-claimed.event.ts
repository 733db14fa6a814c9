import { CaseEvent } from './case.event';

export class CaseClaimedEvent extends CaseEvent {
  readonly type = 'case.claimed';
}
