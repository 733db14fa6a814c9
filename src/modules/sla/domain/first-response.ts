import { CaseEvent, CaseMessageSentEvent, commentIsPublic } from '../../cases';

/**
 * Whether `event` may be a response to the initiator that meets a first-response SLA: an
 * outbound (sent) message, or any case event that wrote a public comment (a plain comment, or
 * the comment of a lifecycle action such as a request for input). Internal notes never count.
 */
export function mayRespond(event: CaseEvent): boolean {
  return event instanceof CaseMessageSentEvent || commentIsPublic(event.data);
}

/** A response that meets first response: `mayRespond`, by anyone but the initiator. */
export function countsAsFirstResponse(event: CaseEvent, initiatorId: string): boolean {
  if (!mayRespond(event)) return false;
  if (event instanceof CaseMessageSentEvent) return true;
  return event.actorId !== initiatorId && event.onBehalfOf !== initiatorId;
}
