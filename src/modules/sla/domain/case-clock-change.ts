import { CaseEvent, FieldChange } from '../../cases';
import { CaseClockChange } from '../sla-tracker';

/**
 * What the SLA clocks need to know of one case's saved events: the case was created or changed
 * state (its events carry `toState`), or its priority changed (an edit's `changes.priorityId`).
 * The state is the one the last event left the case in. Null when the clocks need not move.
 */
export function clockChangeOf(events: readonly CaseEvent[]): CaseClockChange | null {
  const first = events[0];
  const subject = events[events.length - 1]?.context.case;
  if (!first || !subject) return null;
  const stateChanged = events.some((e) => e.data.toState !== undefined);
  const priority = events
    .map((e) => e.data.changes?.priorityId)
    .find((c): c is FieldChange => c !== undefined);
  if (!stateChanged && !priority) return null;
  return {
    clientId: first.clientId,
    caseId: first.aggregateId,
    caseTypeId: subject.caseTypeId,
    state: subject.state,
    stateChanged,
    ...(priority && {
      priorityChange: { from: priority.old as string | null, to: priority.new as string | null },
    }),
    at: first.occurredAt,
    actorId: first.actorId,
    onBehalfOf: first.onBehalfOf,
  };
}
