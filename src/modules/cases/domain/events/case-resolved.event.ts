import { CaseEvent } from './case.event';

export class CaseResolvedEvent extends CaseEvent {
  readonly type = 'case.resolved';
}
