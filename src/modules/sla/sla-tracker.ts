import { CaseState } from '../../shared/domain/case-state';
import { SlaDefinition } from '../definitions';

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

/** A case just created: its SLAs start. */
export interface CaseClockStart {
  clientId: string;
  caseId: string;
  caseTypeId: string;
  priorityId: string | null;
  state: CaseState;
  at: Date;
  /** The type's SLAs when the caller has them already (else they are read). */
  definitions?: readonly SlaDefinition[];
}

/**
 * The SLA rows of a case (`sla_instances`, written by this module only). Called by the SLA
 * module's in-transaction subscriber (CaseClocksSubscriber) inside the transaction that saves
 * the case, so the clocks start, pause, stop, resume, are met and are re-selected together with
 * the change, or not at all. Every write refreshes the case's SLA summary.
 */
export abstract class SlaTracker {
  abstract start(start: CaseClockStart): Promise<void>;

  abstract track(change: CaseClockChange): Promise<void>;

  /** The case got its first response at `at`: its first-response clocks are met. */
  abstract respond(clientId: string, caseId: string, at: Date): Promise<void>;
}
