import { CaseEvent } from './case.event';

/** An agent was picked for the case by its type's assignment rule (data explains the pick). */
export class CaseAutoAssignedEvent extends CaseEvent {
  readonly type = 'case.auto-assigned';
}
