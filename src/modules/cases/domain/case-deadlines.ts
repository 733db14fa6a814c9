import { randomUUID } from 'node:crypto';
import { CaseState } from '../../../shared/domain/case-state';

export interface DueDateRules {
  dueInHours: number | null;
  warnBeforeHours: number | null;
}

export interface SlaDefinition {
  id: string;
  name: string;
  priorityId: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  pauseInStates: CaseState[];
}

export interface NewSlaInstance {
  id: string;
  slaDefinitionId: string;
  name: string;
  warnAt: Date;
  breachAt: Date;
  createdAt: Date;
  /** The definition's pause states when the SLA started: the rules its clock keeps (SLA module). */
  pauseInStates: CaseState[];
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

const plus = (at: Date, ms: number) => new Date(at.getTime() + Math.round(ms));

export function dueDateWarning(dueDate: Date | null, warnBeforeHours: number | null): Date | null {
  return dueDate && warnBeforeHours !== null ? plus(dueDate, -warnBeforeHours * HOUR) : null;
}

/** An explicit due date wins over the type's `dueInHours`; the warning follows either. */
export function dueDatesAtCreation(
  createdAt: Date,
  rules: DueDateRules,
  explicit?: Date,
): { dueDate: Date | null; dueDateWarning: Date | null } {
  const dueDate =
    explicit ?? (rules.dueInHours !== null ? plus(createdAt, rules.dueInHours * HOUR) : null);
  return { dueDate, dueDateWarning: dueDateWarning(dueDate, rules.warnBeforeHours) };
}

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
