import { randomUUID } from 'node:crypto';
import { CaseState } from '../../../shared/domain/case-state';
import { SlaDefinition } from '../../definitions';

export interface NewSlaInstance {
  id: string;
  slaDefinitionId: string;
  name: string;
  warnAt: Date;
  breachAt: Date;
  createdAt: Date;
  /** The definition's pause states when the SLA started: the rules its clock keeps. */
  pauseInStates: CaseState[];
}

const MINUTE = 60_000;

const plus = (at: Date, ms: number) => new Date(at.getTime() + Math.round(ms));

/** One instance per definition that applies to every priority or to the case's own. */
export function slaInstancesAtCreation(
  definitions: readonly SlaDefinition[],
  priorityId: string | null,
  createdAt: Date,
): NewSlaInstance[] {
  return definitions
    .filter((d) => d.priorityId === null || d.priorityId === priorityId)
    .map((d) => ({
      id: randomUUID(),
      slaDefinitionId: d.id,
      name: d.name,
      warnAt: plus(createdAt, d.warnAfterMinutes * MINUTE),
      breachAt: plus(createdAt, d.breachAfterMinutes * MINUTE),
      createdAt,
      pauseInStates: [...d.pauseInStates],
    }));
}
