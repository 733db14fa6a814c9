import { OutboxConfig, WebhooksConfig } from '../../../config/configuration';

/** What the webhook dispatcher and the change feed need (tests override this token). */
export class WebhookSettings {
  /** Run the dispatcher loop here: wherever the outbox relay runs. */
  enabled: boolean;
  allowPrivateUrls: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  disableAfterFailures: number;
  disableAfterMs: number;
  adminGroup: string;
  feedRetentionMs: number;
  streamPollMs: number;
  streamHeartbeatMs: number;
  streamMaxSeconds: number;

  static from(webhooks: WebhooksConfig, outbox: OutboxConfig): WebhookSettings {
    return {
      enabled: outbox.relayEnabled,
      allowPrivateUrls: webhooks.allowPrivateUrls,
      timeoutMs: webhooks.timeoutMs,
      pollIntervalMs: outbox.pollIntervalMs,
      batchSize: outbox.batchSize,
      concurrency: webhooks.concurrency,
      leaseMs: Math.max(outbox.leaseSeconds * 1000, webhooks.timeoutMs * 3),
      retryBaseMs: webhooks.retryBaseMs,
      retryMaxMs: webhooks.retryMaxMs,
      disableAfterFailures: webhooks.disableAfterFailures,
      disableAfterMs: webhooks.disableAfterHours * 3_600_000,
      adminGroup: webhooks.adminGroup,
      feedRetentionMs: webhooks.feedRetentionDays * 86_400_000,
      streamPollMs: webhooks.streamPollMs,
      streamHeartbeatMs: webhooks.streamHeartbeatMs,
      streamMaxSeconds: webhooks.streamMaxSeconds,
    };
  }
}

export function webhookRetryDelayMs(settings: WebhookSettings, attempt: number): number {
  const delay = settings.retryBaseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(delay, settings.retryMaxMs);
}
