export class EventResponseDto {
  /** The event id (a webhook delivery's `webhook-id`). */
  id: string;
  /** e.g. `case.created`, `sla.violated`. */
  type: string;
  timestamp: Date;
  /** Set for case, SLA and due-date events. */
  caseId?: string;
  data: Record<string, unknown>;
  /** The feed position: pass it as `?after=` (or `Last-Event-ID`) to continue after this event. */
  cursor: string;
}
