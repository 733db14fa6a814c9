import { CaseDeadlineEvent } from './case-deadline.event';

export class SlaReselectedEvent extends CaseDeadlineEvent {
  readonly type = 'sla.reselected';
}
