import { CaseEvent } from './case.event';

export class CaseMilestoneReachedEvent extends CaseEvent {
  readonly type = 'case.milestone-reached';
}
