import { CaseEvent } from './case.event';

/** On both cases of an undone merge: the source (restored) and the target (what it gave back). */
export class CaseUnmergedEvent extends CaseEvent {
  readonly type = 'case.unmerged';
}
