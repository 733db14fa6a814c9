import { OutboxEvent } from '../../../shared/outbox/outbox-event';

/** The wire form of an event: webhook body, feed item, SSE `data`. */
export interface EventEnvelope {
  id: string;
  type: string;
  timestamp: string;
  caseId?: string;
  data: Record<string, unknown>;
}

const CASE_EVENT = /^(case|sla|due-date)\./;

/** Case, SLA and due-date events are about a case: their aggregate is the case. */
export function caseIdOf(event: { type: string; aggregateId: string }): string | undefined {
  return CASE_EVENT.test(event.type) ? event.aggregateId : undefined;
}

export function envelopeOf(event: OutboxEvent): EventEnvelope {
  const caseId = caseIdOf(event);
  return {
    id: event.id,
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    ...(caseId ? { caseId } : {}),
    data: event.payload,
  };
}
