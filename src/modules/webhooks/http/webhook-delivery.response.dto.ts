export class WebhookDeliveryResponseDto {
  id: string;
  webhookId: string;
  /** The `webhook-id` header: the event id, the same on every attempt. */
  eventId: string;
  eventType: string;
  /** `pending` (waiting or retrying), `succeeded` (a 2xx), `failed` (given up: endpoint disabled). */
  status: string;
  attempts: number;
  lastResponseCode: number | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}
