import { WorkingWeek } from '../../calendars';
import { SlaDefinition } from '../../definitions';
import { BusinessClock, currentSpan, recompute, retarget } from './business-clock';

interface Instance extends BusinessClock {
  slaDefinitionId: string;
  calendarId: string | null;
}

/**
 * An open instance under a changed calendar or case type, recomputed from its spans. With
 * `definitions` (the type's SLAs after the change, each with the calendar it counts on), the
 * instance's own definition replaces its warning and target minutes, its ladder and its
 * calendar; an instance whose definition is gone keeps its targets. Marks already made never
 * move, and a fired rung whose percent remains stays fired. Pause states stay those the clock
 * started with.
 */
export function recomputed<T extends Instance>(
  instance: T,
  weekOf: (calendarId: string | null) => WorkingWeek,
  definitions?: readonly SlaDefinition[],
): T {
  const definition = definitions?.find((d) => d.id === instance.slaDefinitionId);
  if (!definition) return recompute(instance, weekOf(instance.calendarId));
  const moved = { ...instance, calendarId: definition.calendarId };
  return retarget(moved, weekOf(moved.calendarId), {
    warnMinutes: definition.warnAfterMinutes,
    targetMinutes: definition.breachAfterMinutes,
    escalations: definition.escalations,
  });
}

/** What recomputing would change, for the writer to save only those. */
export function differs(a: Instance, b: Instance): boolean {
  return (
    a.calendarId !== b.calendarId ||
    a.warnMinutes !== b.warnMinutes ||
    a.targetMinutes !== b.targetMinutes ||
    a.warnAt.getTime() !== b.warnAt.getTime() ||
    a.breachAt.getTime() !== b.breachAt.getTime() ||
    JSON.stringify(a.escalations) !== JSON.stringify(b.escalations)
  );
}

export interface SlaPreview {
  /** Instances of the type's cases whose clock runs or is paused (neither met nor stopped). */
  openInstances: number;
  /** Breach not yet due, but the new breach instant is past: the next check breaches them. */
  wouldBeBreached: number;
  /** Warning not yet due, the new warning instant past and the new breach not. */
  wouldBeAtRisk: number;
  /** Breach still owed, moved earlier by the change. */
  wouldMoveEarlier: number;
  /** Breach still owed, moved later by the change. */
  wouldMoveLater: number;
  /** Instances whose definition the change removes: they keep running on their old targets. */
  withoutDefinition: number;
}

/** The preview of pairs of (instance as it is, instance as it would be), judged at `now`. */
export function previewOf(
  pairs: readonly { before: Instance; after: Instance }[],
  definitions: readonly SlaDefinition[],
  now: Date,
): SlaPreview {
  const open = pairs.filter(({ before }) => {
    const state = currentSpan(before).state;
    return state === 'running' || state === 'paused';
  });
  const ids = new Set(definitions.map((d) => d.id));
  const owed = open.filter(({ before }) => !before.violatedAt);
  const breached = owed.filter(
    ({ before, after }) => after.breachAt <= now && before.breachAt > now,
  );
  return {
    openInstances: open.length,
    wouldBeBreached: breached.length,
    wouldBeAtRisk: owed.filter(
      ({ before, after }) =>
        !before.warnedAt && before.warnAt > now && after.warnAt <= now && after.breachAt > now,
    ).length,
    wouldMoveEarlier: owed.filter(({ before, after }) => after.breachAt < before.breachAt).length,
    wouldMoveLater: owed.filter(({ before, after }) => after.breachAt > before.breachAt).length,
    withoutDefinition: open.filter(({ before }) => !ids.has(before.slaDefinitionId)).length,
  };
}
