import { CaseState } from '../../shared/domain/case-state';

/** A saved change of a case that may move its SLA clocks. */
export interface CaseClockChange {
  clientId: string;
  caseId: string;
  /** The case state after the change. */
  state: CaseState;
  /** The case was created, or moved to another state. */
  stateChanged: boolean;
  /** Set when the change moved the case to another priority. */
  priorityChange?: { from: string | null; to: string | null };
  at: Date;
  actorId: string;
  onBehalfOf: string | null;
}

/**
 * The SLA module's port for the case repository. It is called inside the transaction that saves
 * the case (after the case row and its new SLA instances are written), so the clocks pause, stop,
 * resume and are re-selected together with the change, or not at all.
 */
export abstract class SlaTracker {
  abstract track(change: CaseClockChange): Promise<void>;
}
