import { CaseProps, PendingComment } from './case.props';
import { CaseChangeData, CaseEventClass } from './events/case.event';

/** The case columns another module's rules may change: tags, watchers, milestones, the agent. */
export type CaseChangePatch = Partial<
  Pick<CaseProps, 'tags' | 'watchers' | 'milestones' | 'completedPercent' | 'assignedToUsers'>
>;

/**
 * A change decided by another module's rules (comments, documents), for Case.applyChange: the
 * patch, the event that records it, the comment it wrote, and, when it answers the initiator's
 * input (`answers`: what answered), the move of a REQUEST_INPUT case back to IN_PROCESS.
 */
export interface CaseChange {
  event: CaseEventClass;
  data: CaseChangeData;
  patch: CaseChangePatch;
  comment?: PendingComment;
  answers?: string;
}
