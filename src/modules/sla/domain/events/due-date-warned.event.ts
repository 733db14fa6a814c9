import { CaseDeadlineEvent } from './case-deadline.event';

export class DueDateWarnedEvent extends CaseDeadlineEvent {
  readonly type = 'due-date.warned';
}
