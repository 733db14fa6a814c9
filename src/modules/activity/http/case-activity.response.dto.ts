export class CaseActivityResponseDto {
  id: string;
  caseId: string;
  /** The domain event type, e.g. `case.resolved`. */
  type: string;
  actorId: string;
  /** The person the actor acted for (proxy save), if any. */
  onBehalfOf: string | null;
  occurredAt: Date;
  /** The change itself: fromState/toState, changes {field: {old, new}}, commentId, reason... */
  data: Record<string, unknown>;
}
