import { WorkingWeek } from '../../calendars';
import { BusinessClock, currentSpan, Span, spanMs } from './business-clock';

export type SlaStatus = 'running' | 'paused' | 'met' | 'breached' | 'stopped';

export interface ClockReading {
  status: SlaStatus;
  /** Business minutes run so far (the open running span counted until now). */
  elapsedMinutes: number;
  /** What is left of the target, never below 0. */
  remainingMinutes: number;
  /** Business minutes spent in pause states (time stopped or met is neither). */
  pausedMinutes: number;
}

const MINUTE = 60_000;
const minutes = (ms: number) => Math.round((ms / MINUTE) * 100) / 100;

/**
 * One status per instance, by precedence: breached if violated (even if met later), else met,
 * else stopped (the clock stopped, or the instance was closed by a priority re-selection),
 * else paused, else running.
 */
export function statusOf(clock: BusinessClock, closed: boolean): SlaStatus {
  const state = currentSpan(clock).state;
  if (clock.violatedAt) return 'breached';
  if (state === 'met') return 'met';
  if (state === 'stopped' || closed) return 'stopped';
  return state;
}

/** What the clock reads at `now`, in business minutes on `week`. */
export function readClock(
  clock: BusinessClock,
  week: WorkingWeek,
  now: Date,
  closedAt: Date | null = null,
): ClockReading {
  // A closed instance's clock ends when it was closed: its open span counts until then.
  const until = closedAt && closedAt < now ? closedAt : now;
  const elapsed = spanMs(week, clock.spans, 'running', until);
  return {
    status: statusOf(clock, closedAt !== null),
    elapsedMinutes: minutes(elapsed),
    remainingMinutes: minutes(Math.max(0, clock.targetMinutes * MINUTE - elapsed)),
    pausedMinutes: minutes(spanMs(week, clock.spans, 'paused', until)),
  };
}

/**
 * The spans of an instance stored before business time (no segments): one synthesized running
 * span that ends, or is still open, where its wall-clock deadline says, followed by its halt.
 * Those instances count around the clock, so the synthesized history reproduces their deadline.
 */
export function legacySpans(row: {
  targetMinutes: number;
  breachAt: Date;
  pausedAt: Date | null;
  stoppedAt: Date | null;
}): Span[] {
  const target = row.targetMinutes * MINUTE;
  const halt = row.stoppedAt ?? row.pausedAt;
  if (!halt) {
    return [{ state: 'running', from: new Date(row.breachAt.getTime() - target), to: null }];
  }
  const ran = Math.max(0, target - Math.max(0, row.breachAt.getTime() - halt.getTime()));
  return [
    { state: 'running', from: new Date(halt.getTime() - ran), to: halt },
    { state: row.stoppedAt ? 'stopped' : 'paused', from: halt, to: null },
  ];
}
