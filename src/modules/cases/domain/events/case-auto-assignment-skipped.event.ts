import { CaseEvent } from './case.event';

/** The type's assignment rule found nobody: the case stays with its groups (data says why). */
export class CaseAutoAssignmentSkippedEvent extends CaseEvent {
  readonly type = 'case.auto-assignment-skipped';
}
