import { CaseEvent } from './case.event';

/** On both cases of a merge: the source (canceled) and the target (what it received). */
export class CaseMergedEvent extends CaseEvent {
  readonly type = 'case.merged';
}
