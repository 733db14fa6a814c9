import { CaseState } from '../../../shared/domain/case-state';
import { SlaDefinition } from '../../definitions';

/**
 * The clock of one SLA instance. It runs while the case is in neither a stopping state nor one of
 * the SLA's pause states; `pausedAt` / `stoppedAt` say since when it is halted (never both).
 * Halted time does not count: when the clock runs again, the deadlines not yet marked move on by
 * the halted time, so the elapsed running time is preserved.
 */
export interface SlaClock {
  warnAt: Date;
  breachAt: Date;
  warnedAt: Date | null;
  violatedAt: Date | null;
  pausedAt: Date | null;
  stoppedAt: Date | null;
  pauseInStates: readonly CaseState[];
}

/** Resolving stops every SLA; completing or canceling keeps it stopped; reopening resumes it. */
export const STOPPING_STATES: readonly CaseState[] = [
  CaseState.RESOLVED,
  CaseState.COMPLETED,
  CaseState.CANCELED,
];

type Halt = 'paused' | 'stopped' | null;

const MINUTE = 60_000;
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

function haltIn(state: CaseState, pauseInStates: readonly CaseState[]): Halt {
  if (STOPPING_STATES.includes(state)) return 'stopped';
  return pauseInStates.includes(state) ? 'paused' : null;
}

function haltOf(clock: SlaClock): Halt {
  if (clock.stoppedAt) return 'stopped';
  return clock.pausedAt ? 'paused' : null;
}

/** Ends the halt; a deadline already marked is history and does not move. */
function resume<T extends SlaClock>(clock: T, at: Date): T {
  const since = clock.stoppedAt ?? clock.pausedAt;
  if (!since) return clock;
  const halted = Math.max(0, at.getTime() - since.getTime());
  return {
    ...clock,
    warnAt: clock.warnedAt ? clock.warnAt : plus(clock.warnAt, halted),
    breachAt: clock.violatedAt ? clock.breachAt : plus(clock.breachAt, halted),
    pausedAt: null,
    stoppedAt: null,
  };
}

/**
 * The clock once the case is in `state` from `at` on. It is judged from what the clock stores,
 * not from the state the case came from, so a stop that follows a pause counts once (the pause
 * ends, the stop begins) and resuming pushes the deadlines by the whole halted time. Returns the
 * same object when nothing changes.
 */
export function clockIn<T extends SlaClock>(clock: T, state: CaseState, at: Date): T {
  const next = haltIn(state, clock.pauseInStates);
  if (haltOf(clock) === next) return clock;
  const running = resume(clock, at);
  if (next === 'paused') return { ...running, pausedAt: at };
  if (next === 'stopped') return { ...running, stoppedAt: at };
  return running;
}

/** A new clock for `definition`, started at `at` on a case in `state`. Thresholds of 0 are due at once. */
export function startClock(definition: SlaDefinition, state: CaseState, at: Date): SlaClock {
  const fresh: SlaClock = {
    warnAt: plus(at, definition.warnAfterMinutes * MINUTE),
    breachAt: plus(at, definition.breachAfterMinutes * MINUTE),
    warnedAt: null,
    violatedAt: null,
    pausedAt: null,
    stoppedAt: null,
    pauseInStates: [...definition.pauseInStates],
  };
  return clockIn(fresh, state, at);
}

/**
 * The marks due at `now`, each at most once: a deadline reached while the clock ran (a paused
 * clock still owes what it crossed before the pause), never one of a stopped clock. The same
 * rule, in SQL, is the generated column `sla_instances.next_mark_at`.
 */
export function dueMarks(clock: SlaClock, now: Date): { warn: boolean; violate: boolean } {
  if (clock.stoppedAt) return { warn: false, violate: false };
  const until = clock.pausedAt && clock.pausedAt < now ? clock.pausedAt : now;
  return {
    warn: !clock.warnedAt && clock.warnAt <= until,
    violate: !clock.violatedAt && clock.breachAt <= until,
  };
}

/**
 * The SLAs a priority change re-selects: running instances whose definition is tied to another
 * priority are closed, and definitions tied to the new priority start (from the change on: time
 * spent at the old priority is not charged to the new one's targets). Definitions for every
 * priority are untouched, and so is an instance whose definition no longer exists.
 */
export function reselect(
  running: readonly { id: string; slaDefinitionId: string }[],
  definitions: readonly SlaDefinition[],
  priorityId: string | null,
): { close: string[]; start: SlaDefinition[] } {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const applies = (d: SlaDefinition) => d.priorityId === null || d.priorityId === priorityId;
  const close = running.filter((s) => {
    const definition = byId.get(s.slaDefinitionId);
    return definition !== undefined && !applies(definition);
  });
  const kept = new Set(running.filter((s) => !close.includes(s)).map((s) => s.slaDefinitionId));
  const start = definitions.filter(
    (d) => d.priorityId !== null && d.priorityId === priorityId && !kept.has(d.id),
  );
  return { close: close.map((s) => s.id), start };
}
