import { CaseDeadlineEvent } from './case-deadline.event';

export class SlaViolatedEvent extends CaseDeadlineEvent {
  readonly type = 'sla.violated';
}
