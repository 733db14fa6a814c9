import { CaseState } from '../../../shared/domain/case-state';
import { addBusinessMinutes, businessMinutesBetween, WorkingWeek } from '../../calendars';
import { Escalation, EscalationAction, SlaMetric } from '../../definitions';

/**
 * The business-time clock of one SLA instance (issue 12), pure: every function takes the
 * calendar's working week and answers a new clock.
 *
 * `spans` is the clock's history (`sla_instances.segments`): consecutive `{ state, from, to }`
 * spans, the last one open (`to` null). `running` counts business time; `paused` (a pause state
 * of the SLA) and `stopped` (resolved without meeting, canceled) do not; `met` is the target met
 * (resolution: the case was resolved; first response: the first response, final). A span's
 * `to` is the next span's `from`.
 *
 * `elapsedMs` is kept incrementally: the business time of the closed running spans. Deadlines
 * (`warnAt`, `breachAt`, each rung's `dueAt`) are instants computed when the clock (re)starts
 * running, from that instant, for what is left of each threshold; a deadline already marked
 * (`warnedAt`, `violatedAt`, a rung's `firedAt`) never moves. `recompute` rebuilds the same
 * values from the spans alone (what a calendar or target change applies).
 */
export type SpanState = 'running' | 'paused' | 'stopped' | 'met';

export interface Span {
  state: SpanState;
  from: Date;
  to: Date | null;
}

export interface Rung {
  atPercent: number;
  actions: EscalationAction[];
  dueAt: Date;
  firedAt: Date | null;
}

export interface ClockTargets {
  warnMinutes: number;
  targetMinutes: number;
  escalations: readonly Escalation[];
}

export interface BusinessClock extends ClockTargets {
  metric: SlaMetric;
  pauseInStates: readonly CaseState[];
  spans: Span[];
  /** Business milliseconds of the closed running spans. */
  elapsedMs: number;
  warnAt: Date;
  breachAt: Date;
  warnedAt: Date | null;
  violatedAt: Date | null;
  escalations: Rung[];
}

export interface ClockDefinition extends ClockTargets {
  metric: SlaMetric;
  pauseInStates: readonly CaseState[];
}

const MINUTE = 60_000;
/** Beyond what business-time arithmetic searches (ten years): a deadline that never comes. */
const FAR_MS = 3660 * 86_400_000;

const { RESOLVED, COMPLETED, CANCELED } = CaseState;
const STOPPING: readonly CaseState[] = [RESOLVED, COMPLETED, CANCELED];

export const currentSpan = (clock: { spans: readonly Span[] }): Span =>
  clock.spans[clock.spans.length - 1];

/** Business milliseconds in [from, to) on `week`. */
export function businessMs(week: WorkingWeek, from: Date, to: Date): number {
  return Math.round(businessMinutesBetween(week, from, to) * MINUTE);
}

/** The instant `ms` business milliseconds after `from`; far away when past the search range. */
export function afterBusinessMs(week: WorkingWeek, from: Date, ms: number): Date {
  try {
    return addBusinessMinutes(week, from, Math.max(0, ms) / MINUTE);
  } catch {
    return new Date(from.getTime() + FAR_MS);
  }
}

/** Business milliseconds of the `state` spans, an open one counted until `until` (or not at all). */
export function spanMs(
  week: WorkingWeek,
  spans: readonly Span[],
  state: SpanState,
  until?: Date,
): number {
  return spans
    .filter((s) => s.state === state && (s.to !== null || until !== undefined))
    .reduce((sum, s) => sum + businessMs(week, s.from, s.to ?? (until as Date)), 0);
}

/** The span the clock is in once the case is in `state`. */
export function spanFor(clock: BusinessClock, state: CaseState): SpanState {
  const met = currentSpan(clock).state === 'met';
  if (clock.metric === 'firstResponse') {
    if (met) return 'met';
  } else if (state === RESOLVED || (met && STOPPING.includes(state))) {
    return 'met';
  }
  if (STOPPING.includes(state)) return 'stopped';
  return clock.pauseInStates.includes(state) ? 'paused' : 'running';
}

function dueAll<T extends BusinessClock>(clock: T, due: (minutes: number) => Date): T {
  return {
    ...clock,
    warnAt: clock.warnedAt ? clock.warnAt : due(clock.warnMinutes),
    breachAt: clock.violatedAt ? clock.breachAt : due(clock.targetMinutes),
    escalations: clock.escalations.map((r) =>
      r.firedAt ? r : { ...r, dueAt: due((clock.targetMinutes * r.atPercent) / 100) },
    ),
  };
}

/** Deadlines counted from `base`, for what is left of each threshold after `elapsedMs`. */
function dueFrom<T extends BusinessClock>(
  clock: T,
  week: WorkingWeek,
  base: Date,
  elapsed: number,
): T {
  return dueAll(clock, (minutes) => afterBusinessMs(week, base, minutes * MINUTE - elapsed));
}

/** The clock moved into `next` at `at` (the open span closes there). */
function enter<T extends BusinessClock>(clock: T, week: WorkingWeek, next: SpanState, at: Date): T {
  const open = currentSpan(clock);
  const to = at < open.from ? open.from : at;
  const ran = open.state === 'running' ? businessMs(week, open.from, to) : 0;
  const spans = [...clock.spans.slice(0, -1), { ...open, to }, { state: next, from: to, to: null }];
  const moved = { ...clock, spans, elapsedMs: clock.elapsedMs + ran };
  return next === 'running' ? dueFrom(moved, week, to, moved.elapsedMs) : moved;
}

/** The clock once the case is in `state` from `at` on; the same object when nothing changes. */
export function clockAt<T extends BusinessClock>(
  clock: T,
  week: WorkingWeek,
  state: CaseState,
  at: Date,
): T {
  const next = spanFor(clock, state);
  return next === currentSpan(clock).state ? clock : enter(clock, week, next, at);
}

/**
 * A first response at `at`: a first-response clock that is running or paused is met, for good.
 * Any other clock is returned as it is.
 */
export function respondedAt<T extends BusinessClock>(clock: T, week: WorkingWeek, at: Date): T {
  const state = currentSpan(clock).state;
  if (clock.metric !== 'firstResponse' || (state !== 'running' && state !== 'paused')) return clock;
  return enter(clock, week, 'met', at);
}

/** A new clock for `definition`, started at `at` on a case in `state`. */
export function startBusinessClock(
  definition: ClockDefinition,
  week: WorkingWeek,
  state: CaseState,
  at: Date,
): BusinessClock {
  const fresh: BusinessClock = {
    metric: definition.metric,
    pauseInStates: [...definition.pauseInStates],
    warnMinutes: definition.warnMinutes,
    targetMinutes: definition.targetMinutes,
    spans: [{ state: 'running', from: at, to: null }],
    elapsedMs: 0,
    warnAt: at,
    breachAt: at,
    warnedAt: null,
    violatedAt: null,
    escalations: ladder(definition.escalations, [], at),
  };
  const first = spanFor(fresh, state);
  return recompute({ ...fresh, spans: [{ state: first, from: at, to: null }] }, week);
}

function ladder(escalations: readonly Escalation[], before: readonly Rung[], at: Date): Rung[] {
  const fired = new Map(before.filter((r) => r.firedAt).map((r) => [r.atPercent, r]));
  return [...escalations]
    .sort((a, b) => a.atPercent - b.atPercent)
    .map((e) => ({
      atPercent: e.atPercent,
      actions: [...e.actions],
      dueAt: fired.get(e.atPercent)?.dueAt ?? at,
      firedAt: fired.get(e.atPercent)?.firedAt ?? null,
    }));
}

/**
 * The clock rebuilt from its spans on `week`: elapsed time, and the deadlines not yet marked
 * counted from the start of its last running span (or its first span if it never ran) for what
 * the running spans before it left of each threshold.
 */
export function recompute<T extends BusinessClock>(clock: T, week: WorkingWeek): T {
  const spans = clock.spans;
  const last = spans.map((s) => s.state).lastIndexOf('running');
  const before = spanMs(week, last < 0 ? [] : spans.slice(0, last), 'running');
  const base = last < 0 ? spans[0].from : spans[last].from;
  return dueFrom({ ...clock, elapsedMs: spanMs(week, spans, 'running') }, week, base, before);
}

/**
 * The clock under new targets (an edited definition): its thresholds and ladder are replaced,
 * a rung whose `atPercent` still exists keeps its `firedAt` (and its instant), then the
 * deadlines not yet marked are recomputed.
 */
export function retarget<T extends BusinessClock>(
  clock: T,
  week: WorkingWeek,
  targets: ClockTargets,
): T {
  const at = currentSpan(clock).from;
  return recompute(
    {
      ...clock,
      warnMinutes: targets.warnMinutes,
      targetMinutes: targets.targetMinutes,
      escalations: ladder(targets.escalations, clock.escalations, at),
    },
    week,
  );
}

/** The earliest instant of a rung not yet fired, null when none is left. */
export function nextEscalationAt(clock: Pick<BusinessClock, 'escalations'>): Date | null {
  const due = clock.escalations.filter((r) => !r.firedAt).map((r) => r.dueAt.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}
