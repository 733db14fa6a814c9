import { ErrorDetail } from '../../../shared/errors/domain-error';

/**
 * What an SLA definition says about business time (issue 12): what it measures, the calendar it
 * counts on, its target (`targetMinutes`, alias of `breachAfterMinutes`) and its escalation
 * ladder. Validated here, apart from the rest of the case type configuration.
 */
export const SLA_METRICS = ['resolution', 'firstResponse'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const ESCALATION_ACTION_TYPES = ['notify', 'assign', 'raisePriority'] as const;

export type EscalationAction =
  | { readonly type: 'notify' | 'assign'; readonly users: string[]; readonly groups: string[] }
  | { readonly type: 'raisePriority'; readonly priorityId: string };

export interface Escalation {
  /** Percent of the target's business minutes; unique per SLA, the ladder sorted ascending. */
  readonly atPercent: number;
  readonly actions: readonly EscalationAction[];
}

export interface EscalationActionInput {
  type: string;
  users?: readonly string[] | null;
  groups?: readonly string[] | null;
  priorityId?: string | null;
}

export interface EscalationInput {
  atPercent: number;
  actions: readonly EscalationActionInput[];
}

export interface SlaServiceLevelInput {
  metric?: string | null;
  calendarId?: string | null;
  breachAfterMinutes?: number | null;
  targetMinutes?: number | null;
  escalations?: readonly EscalationInput[] | null;
}

export interface SlaServiceLevel {
  metric: SlaMetric;
  calendarId: string | null;
  /** The target: `breachAfterMinutes` or `targetMinutes`, whichever was given. */
  breachAfterMinutes: number;
  escalations: Escalation[];
}

/** About a thousand percent: a rung far past the breach is allowed, an absurd one is not. */
export const MAX_ESCALATION_PERCENT = 1000;

type Issues = ErrorDetail[];

const ids = (list: readonly string[] | null | undefined) => [...new Set(list ?? [])];

function actionOf(issues: Issues, at: string, a: EscalationActionInput): EscalationAction | null {
  if (a?.type === 'raisePriority') {
    if (typeof a.priorityId === 'string' && a.priorityId) {
      return { type: 'raisePriority', priorityId: a.priorityId };
    }
    issues.push({ field: `${at}.priorityId`, message: `${at}.priorityId is required` });
    return null;
  }
  if (a?.type === 'notify' || a?.type === 'assign') {
    const [users, groups] = [ids(a.users), ids(a.groups)];
    if (users.length + groups.length === 0) {
      issues.push({ field: `${at}.users`, message: `${at} must name users or groups` });
    }
    return { type: a.type, users, groups };
  }
  const types = ESCALATION_ACTION_TYPES.join(', ');
  issues.push({ field: `${at}.type`, message: `${at}.type must be one of ${types}` });
  return null;
}

function ladderOf(issues: Issues, at: string, input: readonly EscalationInput[]): Escalation[] {
  const seen = new Set<number>();
  const ladder = input.map((rung, i) => {
    const field = `${at}.escalations.${i}`;
    const p = rung?.atPercent;
    if (!Number.isInteger(p) || p < 1 || p > MAX_ESCALATION_PERCENT) {
      const message = `${field}.atPercent must be an integer between 1 and ${MAX_ESCALATION_PERCENT}`;
      issues.push({ field: `${field}.atPercent`, message });
    } else if (seen.has(p)) {
      issues.push({ field: `${field}.atPercent`, message: `${field}.atPercent appears twice` });
    }
    seen.add(p);
    const actions = rung?.actions ?? [];
    if (actions.length === 0) {
      issues.push({ field: `${field}.actions`, message: `${field}.actions must not be empty` });
    }
    return {
      atPercent: p,
      actions: actions
        .map((a, j) => actionOf(issues, `${field}.actions.${j}`, a))
        .filter((a): a is EscalationAction => a !== null),
    };
  });
  return ladder.sort((a, b) => a.atPercent - b.atPercent);
}

/**
 * The business-time part of SLA `at` (e.g. `slas.0`). `targetMinutes` and `breachAfterMinutes`
 * are one value: either may be given, both must agree when both are. Range checks of the target
 * stay with the caller (it checks `breachAfterMinutes`).
 */
export function serviceLevelOf(issues: Issues, at: string, input: SlaServiceLevelInput) {
  const metric = input.metric ?? 'resolution';
  if (!SLA_METRICS.includes(metric as SlaMetric)) {
    const message = `${at}.metric must be one of ${SLA_METRICS.join(', ')}`;
    issues.push({ field: `${at}.metric`, message });
  }
  const { breachAfterMinutes: breach, targetMinutes: target } = input;
  const given = [breach, target].filter((v) => v !== undefined && v !== null);
  if (given.length === 0) {
    const message = `${at}.breachAfterMinutes (or ${at}.targetMinutes) is required`;
    issues.push({ field: `${at}.breachAfterMinutes`, message });
  } else if (given.length === 2 && breach !== target) {
    const message = `${at}.targetMinutes must equal ${at}.breachAfterMinutes when both are given`;
    issues.push({ field: `${at}.targetMinutes`, message });
  }
  const level: SlaServiceLevel = {
    metric: metric as SlaMetric,
    calendarId: input.calendarId ?? null,
    breachAfterMinutes: (given[0] ?? 0) as number,
    escalations: ladderOf(issues, at, input.escalations ?? []),
  };
  return level;
}

interface Referencing {
  readonly calendarId?: string | null;
  readonly escalations?: readonly Escalation[];
}

/** Every calendar a configuration names, with the field that names it. */
export function calendarReferences(
  calendarId: string | null | undefined,
  slas: readonly Referencing[],
): { field: string; calendarId: string }[] {
  const refs = calendarId ? [{ field: 'calendarId', calendarId }] : [];
  slas.forEach((s, i) => {
    if (s.calendarId) refs.push({ field: `slas.${i}.calendarId`, calendarId: s.calendarId });
  });
  return refs;
}

/** The priorities the escalation ladders raise cases to, with the field that names each. */
export function escalationPriorityReferences(
  slas: readonly Referencing[],
): { field: string; priorityId: string }[] {
  return slas.flatMap((s, i) =>
    (s.escalations ?? []).flatMap((rung, j) =>
      rung.actions.flatMap((a, k) =>
        a.type === 'raisePriority'
          ? [
              {
                field: `slas.${i}.escalations.${j}.actions.${k}.priorityId`,
                priorityId: a.priorityId,
              },
            ]
          : [],
      ),
    ),
  );
}

/** The issues of calendar references that are not live calendars of the tenant. */
export function unknownCalendars(
  refs: readonly { field: string; calendarId: string }[],
  live: ReadonlySet<string>,
): ErrorDetail[] {
  return refs
    .filter((ref) => !live.has(ref.calendarId))
    .map((ref) => ({
      field: ref.field,
      message: `${ref.field} must be a calendar of this tenant (${ref.calendarId} is unknown or deleted)`,
    }));
}
