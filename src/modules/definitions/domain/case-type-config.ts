import { randomUUID } from 'node:crypto';
import { CaseState } from '../../../shared/domain/case-state';
import { ErrorDetail } from '../../../shared/errors/domain-error';
import { AssignmentInput, AssignmentRule, assignmentOf } from './case-type-assignment';
import { CaseFieldDefinition } from '../case-field-definition';
import { CaseFieldInput, fieldDefinitionsOf } from './case-field-definitions';
import { InvalidCaseTypeConfigError } from './definition.errors';
import {
  Escalation,
  escalationPriorityReferences,
  serviceLevelOf,
  SlaMetric,
  SlaServiceLevelInput,
} from './sla-service-level';

/** About eleven years: far beyond any real deadline, small enough that date arithmetic stays valid. */
export const MAX_HOURS = 100_000;
export const MAX_MINUTES = MAX_HOURS * 60;

const STATES = new Set<string>(Object.values(CaseState));

export interface DueDateRule {
  readonly dueInHours: number;
  readonly warnBeforeHours: number;
}

export interface SlaDefinition {
  readonly id: string;
  readonly name: string;
  readonly priorityId: string | null;
  readonly warnAfterMinutes: number;
  readonly breachAfterMinutes: number;
  readonly pauseInStates: readonly CaseState[];
  readonly metric: SlaMetric;
  readonly calendarId: string | null;
  readonly escalations: readonly Escalation[];
}

export interface Milestone {
  readonly name: string;
  readonly percent: number;
  readonly onState: CaseState;
}

export interface CaseTypeConfigData {
  readonly calendarId: string | null;
  readonly autoCloseHours: number | null;
  readonly dueDate: DueDateRule | null;
  readonly slas: readonly SlaDefinition[];
  readonly milestones: readonly Milestone[];
  readonly defaultPriorityId: string | null;
  readonly defaultAssignedToGroups: readonly string[];
  readonly assignment: AssignmentRule | null;
  readonly fields: readonly CaseFieldDefinition[];
}

export interface SlaInput extends SlaServiceLevelInput {
  id?: string | null;
  name: string;
  priorityId?: string | null;
  warnAfterMinutes: number;
  pauseInStates?: readonly string[] | null;
}

export interface MilestoneInput {
  name: string;
  percent: number;
  onState: string;
}

/** What a client may send; `undefined` leaves a setting as it is, `null` clears it. */
export interface CaseTypeConfigInput {
  calendarId?: string | null;
  autoCloseHours?: number | null;
  dueDate?: DueDateRule | null;
  slas?: readonly SlaInput[] | null;
  milestones?: readonly MilestoneInput[] | null;
  defaultPriorityId?: string | null;
  defaultAssignedToGroups?: readonly string[] | null;
  assignment?: AssignmentInput | null;
  /** Replaces the whole list. */
  fields?: readonly CaseFieldInput[] | null;
}

export interface PriorityReference {
  field: string;
  priorityId: string;
}

type Issues = ErrorDetail[];

function within(value: unknown, max: number, integer: boolean): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= max &&
    (!integer || Number.isInteger(value))
  );
}

function checkAmount(issues: Issues, field: string, value: unknown, max: number, integer = false) {
  if (!within(value, max, integer)) {
    const kind = integer ? 'an integer' : 'a number';
    issues.push({ field, message: `${field} must be ${kind} between 0 and ${max}` });
  }
}

function checkState(issues: Issues, field: string, value: unknown): value is CaseState {
  if (typeof value === 'string' && STATES.has(value)) return true;
  issues.push({ field, message: `${field} must be one of ${[...STATES].join(', ')}` });
  return false;
}

function checkName(issues: Issues, field: string, value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name) issues.push({ field, message: `${field} must not be empty` });
  return name;
}

function dueDateOf(issues: Issues, input: DueDateRule | null | undefined): DueDateRule | null {
  if (!input) return null;
  checkAmount(issues, 'dueDate.dueInHours', input.dueInHours, MAX_HOURS);
  checkAmount(issues, 'dueDate.warnBeforeHours', input.warnBeforeHours, MAX_HOURS);
  if (input.warnBeforeHours > input.dueInHours) {
    issues.push({
      field: 'dueDate.warnBeforeHours',
      message: 'dueDate.warnBeforeHours must not exceed dueDate.dueInHours',
    });
  }
  return { dueInHours: input.dueInHours, warnBeforeHours: input.warnBeforeHours };
}

/** SLA ids the client sends back are kept when they belong to `previous`; others are minted. */
function slasOf(
  issues: Issues,
  input: readonly SlaInput[],
  previous: readonly SlaDefinition[],
  newId: () => string,
): SlaDefinition[] {
  const known = new Set(previous.map((s) => s.id));
  const used = new Set<string>();
  return input.map((sla, i) => {
    const at = `slas.${i}`;
    if (sla.id && used.has(sla.id)) {
      issues.push({ field: `${at}.id`, message: `${at}.id appears more than once` });
    }
    const id = sla.id && known.has(sla.id) && !used.has(sla.id) ? sla.id : newId();
    used.add(id);
    const level = serviceLevelOf(issues, at, sla);
    const breachAfterMinutes = level.breachAfterMinutes;
    checkAmount(issues, `${at}.warnAfterMinutes`, sla.warnAfterMinutes, MAX_MINUTES, true);
    checkAmount(issues, `${at}.breachAfterMinutes`, breachAfterMinutes, MAX_MINUTES, true);
    if (sla.warnAfterMinutes > breachAfterMinutes) {
      issues.push({
        field: `${at}.warnAfterMinutes`,
        message: `${at}.warnAfterMinutes must not exceed ${at}.breachAfterMinutes`,
      });
    }
    const states = (sla.pauseInStates ?? []).filter((s, j) =>
      checkState(issues, `${at}.pauseInStates.${j}`, s),
    );
    return {
      id,
      name: checkName(issues, `${at}.name`, sla.name),
      priorityId: sla.priorityId ?? null,
      warnAfterMinutes: sla.warnAfterMinutes,
      pauseInStates: [...new Set(states)],
      ...level,
    };
  });
}

function milestonesOf(issues: Issues, input: readonly MilestoneInput[]): Milestone[] {
  return input.map((m, i) => {
    const at = `milestones.${i}`;
    checkAmount(issues, `${at}.percent`, m.percent, 100, true);
    checkState(issues, `${at}.onState`, m.onState);
    return {
      name: checkName(issues, `${at}.name`, m.name),
      percent: m.percent,
      onState: m.onState as CaseState,
    };
  });
}

function groupsOf(issues: Issues, input: readonly string[]): string[] {
  const groups = input.map((g, i) => checkName(issues, `defaultAssignedToGroups.${i}`, g));
  return [...new Set(groups)];
}

/** A case type's configuration; every instance satisfies the rules checked in `create`. */
export class CaseTypeConfig {
  private constructor(readonly data: CaseTypeConfigData) {}

  static readonly EMPTY = new CaseTypeConfig({
    calendarId: null,
    autoCloseHours: null,
    dueDate: null,
    slas: [],
    milestones: [],
    defaultPriorityId: null,
    defaultAssignedToGroups: [],
    assignment: null,
    fields: [],
  });

  /** Validates `input`, reporting every broken rule at once with the field it concerns. */
  static create(
    input: CaseTypeConfigInput,
    previousSlas: readonly SlaDefinition[] = [],
    newId: () => string = randomUUID,
  ): CaseTypeConfig {
    const issues: Issues = [];
    const autoCloseHours = input.autoCloseHours ?? null;
    if (autoCloseHours !== null) checkAmount(issues, 'autoCloseHours', autoCloseHours, MAX_HOURS);
    const config = new CaseTypeConfig({
      calendarId: input.calendarId ?? null,
      autoCloseHours,
      dueDate: dueDateOf(issues, input.dueDate),
      slas: slasOf(issues, input.slas ?? [], previousSlas, newId),
      milestones: milestonesOf(issues, input.milestones ?? []),
      defaultPriorityId: input.defaultPriorityId ?? null,
      defaultAssignedToGroups: groupsOf(issues, input.defaultAssignedToGroups ?? []),
      assignment: assignmentOf(issues, input.assignment),
      fields: fieldDefinitionsOf(issues, input.fields ?? []),
    });
    if (issues.length) throw new InvalidCaseTypeConfigError(issues);
    return config;
  }

  /** Rebuilds a configuration that was valid when stored. */
  static restore(data: CaseTypeConfigData): CaseTypeConfig {
    return new CaseTypeConfig(data);
  }

  /** This configuration with `changes` applied, validated again; SLA ids sent back are kept. */
  change(changes: CaseTypeConfigInput): CaseTypeConfig {
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    return CaseTypeConfig.create({ ...this.data, ...defined }, this.data.slas);
  }

  /** Every priority this configuration points at, with the field that points. */
  priorityReferences(): PriorityReference[] {
    const refs: PriorityReference[] = [];
    if (this.data.defaultPriorityId) {
      refs.push({ field: 'defaultPriorityId', priorityId: this.data.defaultPriorityId });
    }
    this.data.slas.forEach((sla, i) => {
      if (sla.priorityId) refs.push({ field: `slas.${i}.priorityId`, priorityId: sla.priorityId });
    });
    return [...refs, ...escalationPriorityReferences(this.data.slas)];
  }

  /** Every referenced priority must be a live priority of the same tenant. */
  requirePriorities(live: ReadonlySet<string>): void {
    const issues = this.priorityReferences()
      .filter((ref) => !live.has(ref.priorityId))
      .map((ref) => ({
        field: ref.field,
        message: `${ref.field} must be a priority of this tenant (${ref.priorityId} is unknown or deleted)`,
      }));
    if (issues.length) throw new InvalidCaseTypeConfigError(issues);
  }
}
