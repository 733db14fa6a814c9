export type PickStrategy = 'round-robin' | 'least-loaded';

/** Why a member was passed over. */
export type SkipReason = 'at-capacity' | 'just-unclaimed';

/** Why nobody was picked. */
export type NoPickReason = 'no-groups' | 'no-active-members' | 'none-eligible';

export interface PickInput {
  strategy: PickStrategy;
  /** The active members of the assignment groups. */
  members: readonly string[];
  /** Open cases of the type each member holds; absent: none. */
  loads: ReadonlyMap<string, number>;
  /** Null: no limit. */
  capacity: number | null;
  /** Round-robin: the member picked last for this type, if any. */
  lastPicked: string | null;
  /** Never picked: the agents who have just lost the case (unclaim). */
  excluded?: readonly string[];
}

export interface ConsideredMember {
  userId: string;
  load: number;
  skipped?: SkipReason;
}

export interface PickOutcome {
  assignee: string | null;
  considered: ConsideredMember[];
  reason?: NoPickReason;
}

/**
 * The agent a case goes to. Members are taken in id order. Round-robin: the first eligible
 * member after `lastPicked` in that order, wrapping round (an id no longer among the members
 * still marks the place). Least-loaded: the eligible member with the fewest open cases, the
 * lower id on a tie. Eligible: below capacity and not excluded.
 */
export function pickAgent(input: PickInput): PickOutcome {
  const ids = [...new Set(input.members)].sort();
  const considered = ids.map((userId): ConsideredMember => {
    const load = input.loads.get(userId) ?? 0;
    if (input.excluded?.includes(userId)) return { userId, load, skipped: 'just-unclaimed' };
    if (input.capacity !== null && load >= input.capacity)
      return { userId, load, skipped: 'at-capacity' };
    return { userId, load };
  });
  const eligible = considered.filter((m) => !m.skipped);
  if (eligible.length === 0)
    return {
      assignee: null,
      considered,
      reason: ids.length ? 'none-eligible' : 'no-active-members',
    };
  return { assignee: choose(input, eligible), considered };
}

function choose(input: PickInput, eligible: ConsideredMember[]): string {
  if (input.strategy === 'least-loaded') {
    return eligible.reduce((best, m) => (m.load < best.load ? m : best)).userId;
  }
  const last = input.lastPicked;
  const next = last === null ? undefined : eligible.find((m) => m.userId > last);
  return (next ?? eligible[0]).userId;
}
