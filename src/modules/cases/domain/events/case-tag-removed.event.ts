import { CaseEvent } from './case.event';

export class CaseTagRemovedEvent extends CaseEvent {
  readonly type = 'case.tag-removed';
}
