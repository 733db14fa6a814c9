export const WEBHOOK_COLUMNS = `id, url, events, description, active,
  previous_secret_until AS "previousSecretUntil", failing_since AS "failingSince",
  consecutive_failures AS "consecutiveFailures", disabled_at AS "disabledAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export const DELIVERY_COLUMNS = `id, webhook_id AS "webhookId", event_id AS "eventId",
  event_type AS "eventType", status, attempts, last_response_code AS "lastResponseCode",
  last_attempt_at AS "lastAttemptAt", next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", created_at AS "createdAt"`;
