import { CaseState } from '../../shared/domain/case-state';
import { NewSlaInstance } from './domain/sla-instances-at-creation';

/** A saved change of a case that may move its SLA clocks. */
export interface CaseClockChange {
  clientId: string;
  caseId: string;
  caseTypeId: string;
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
 * The SLA rows of a case (`sla_instances`, written by this module only). Called by the SLA
 * module's in-transaction subscriber (CaseClocksSubscriber) inside the transaction that saves
 * the case, so the clocks start, pause, stop, resume and are re-selected together with the
 * change, or not at all.
 */
export abstract class SlaTracker {
  abstract start(clientId: string, caseId: string, instances: NewSlaInstance[]): Promise<void>;

  abstract track(change: CaseClockChange): Promise<void>;
}
