import { CaseDeadlineEvent } from './case-deadline.event';

export class DueDateExceededEvent extends CaseDeadlineEvent {
  readonly type = 'due-date.exceeded';
}
