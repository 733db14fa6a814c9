import type { CaseAction } from '../case-transitions';
import { CaseCanceledEvent } from './case-canceled.event';
import { CaseClaimedEvent } from './case-claimed.event';
import { CaseCompletedEvent } from './case-completed.event';
import { CaseInputRequestedEvent } from './case-input-requested.event';
import { CaseMergedEvent } from './case-merged.event';
import { CaseOpenedEvent } from './case-opened.event';
import { CaseProcessingStartedEvent } from './case-processing-started.event';
import { CasePutOnHoldEvent } from './case-put-on-hold.event';
import { CaseReopenedEvent } from './case-reopened.event';
import { CaseResolvedEvent } from './case-resolved.event';
import { CaseTransferredEvent } from './case-transferred.event';
import { CaseUnclaimedEvent } from './case-unclaimed.event';
import { CaseUnmergedEvent } from './case-unmerged.event';
import { CaseEventClass } from './case.event';

/** Every action but edit, whose event also says who the change was made for. */
export type LifecycleAction = Exclude<CaseAction, 'edit'>;

/** The event each lifecycle action records. */
export const ACTION_EVENTS: Readonly<Record<LifecycleAction, CaseEventClass>> = {
  open: CaseOpenedEvent,
  process: CaseProcessingStartedEvent,
  requestInput: CaseInputRequestedEvent,
  hold: CasePutOnHoldEvent,
  resolve: CaseResolvedEvent,
  complete: CaseCompletedEvent,
  cancel: CaseCanceledEvent,
  reopen: CaseReopenedEvent,
  claim: CaseClaimedEvent,
  unclaim: CaseUnclaimedEvent,
  transferOut: CaseTransferredEvent,
  mergeInto: CaseMergedEvent,
  unmerge: CaseUnmergedEvent,
};
