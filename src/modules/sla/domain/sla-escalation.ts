/** What a rung of an SLA's escalation ladder does when it fires. */
export type EscalationAction =
  | { type: 'notify'; users?: string[]; groups?: string[] }
  | { type: 'assign'; users?: string[]; groups?: string[] }
  | { type: 'raisePriority'; priorityId: string };

/** One rung as sla_instances.escalations stores it (times as ISO text in the jsonb). */
export interface EscalationRung {
  atPercent: number;
  actions: EscalationAction[];
  dueAt: string | Date | null;
  firedAt?: string | Date | null;
}

/** The clock state a rung's firing depends on. */
export interface LadderClock {
  pausedAt: Date | null;
  stoppedAt: Date | null;
}

const time = (at: string | Date) => new Date(at).getTime();

/**
 * The indices of the rungs due at `now`, each fired once: a rung not yet fired whose `dueAt` the
 * clock reached while it ran (a paused clock still owes what it crossed before the pause, a
 * stopped one nothing) — the rule `sla_instances.next_mark_at` walks, as for warnings.
 */
export function dueRungs(
  clock: LadderClock,
  ladder: readonly EscalationRung[],
  now: Date,
): number[] {
  if (clock.stoppedAt) return [];
  const until = clock.pausedAt && clock.pausedAt < now ? clock.pausedAt : now;
  return ladder.flatMap((rung, i) =>
    !rung.firedAt && rung.dueAt != null && time(rung.dueAt) <= until.getTime() ? [i] : [],
  );
}

/** The case writes of fired rungs, in firing order: assignees added, the last priority raised to. */
export function caseWritesOf(rungs: readonly EscalationRung[]): {
  users: string[];
  groups: string[];
  priorityId: string | null;
} {
  const users = new Set<string>();
  const groups = new Set<string>();
  let priorityId: string | null = null;
  for (const action of rungs.flatMap((r) => r.actions)) {
    if (action.type === 'assign') {
      action.users?.forEach((u) => users.add(u));
      action.groups?.forEach((g) => groups.add(g));
    }
    if (action.type === 'raisePriority') priorityId = action.priorityId;
  }
  return { users: [...users], groups: [...groups], priorityId };
}
