import { CaseDeadlineEvent } from './case-deadline.event';

export class SlaWarnedEvent extends CaseDeadlineEvent {
  readonly type = 'sla.warned';
}
