import { DomainEvent } from '../../../shared/domain/domain-event';
import { CaseClockChange } from '../../sla/sla-tracker';
import { CaseProps } from '../domain/case.props';
import { CaseEvent, FieldChange } from '../domain/events/case.event';

/**
 * What the SLA clocks need to know of a save: the case was created or changed state (its events
 * carry `toState`), or its priority changed (an edit's `changes.priorityId`). Null otherwise.
 */
export function clockChangeOf(kase: CaseProps, events: DomainEvent[]): CaseClockChange | null {
  const caseEvents = events.filter((e): e is CaseEvent => e instanceof CaseEvent);
  const first = caseEvents[0];
  if (!first) return null;
  const stateChanged = caseEvents.some((e) => e.data.toState !== undefined);
  const priority = caseEvents
    .map((e) => e.data.changes?.priorityId)
    .find((c): c is FieldChange => c !== undefined);
  if (!stateChanged && !priority) return null;
  return {
    clientId: kase.clientId,
    caseId: kase.id,
    state: kase.state,
    stateChanged,
    ...(priority && {
      priorityChange: { from: priority.old as string | null, to: priority.new as string | null },
    }),
    at: first.occurredAt,
    actorId: first.actorId,
    onBehalfOf: first.onBehalfOf,
  };
}
