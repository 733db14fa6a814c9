import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Notifier } from '../../../shared/notifications/notifier';
import { PollingLoop } from '../../../shared/queue/polling-loop';
import { Clock } from '../../../shared/time/clock';
import { SecretBox } from './secret-box';
import {
  ClaimedWebhookDelivery,
  WebhookDeliveryStore,
  WebhookFailure,
} from './webhook-delivery.store';
import { WebhookSender } from './webhook-sender';
import { webhookRetryDelayMs, WebhookSettings } from './webhook-settings';
import { signedHeaders } from './webhook-signer';

const PURGE_EVERY_MS = 3_600_000;

/**
 * Sends pending webhook deliveries: claims lane heads (see WebhookDeliveryStore.claim), POSTs them
 * concurrently, records each outcome, backs failures off exponentially and disables an endpoint
 * whose failure run is long enough, telling the tenant's webhook admins. Claims are leases, so a
 * dispatcher killed mid-send loses nothing: the delivery is sent again with the same webhook-id.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly loop: PollingLoop;
  private nextPurgeAt = 0;

  constructor(
    private readonly store: WebhookDeliveryStore,
    private readonly sender: WebhookSender,
    private readonly settings: WebhookSettings,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly tx: TransactionManager,
    private readonly notifier: Notifier,
  ) {
    this.loop = new PollingLoop(
      this.logger,
      settings.pollIntervalMs,
      () => this.round(),
      'webhook dispatch round',
    );
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Dispatches at once (after a commit that queued deliveries). */
  nudge(): void {
    this.loop.nudge();
  }

  /** Rounds until nothing is due at the clock's "now"; returns the deliveries attempted. */
  /** Until nothing is due; `clientId` keeps it to one tenant (tests share one database). */
  async drain(clientId?: string): Promise<number> {
    let total = 0;
    for (let n = -1; n !== 0; total += n) n = await this.dispatchOnce(clientId);
    return total;
  }

  async dispatchOnce(clientId?: string): Promise<number> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.settings.leaseMs);
    const batch = await this.store.claim(now, lease, this.settings.batchSize, clientId);
    const done: { delivery: ClaimedWebhookDelivery; status: number }[] = [];
    const failed: WebhookFailure[] = [];
    for (let i = 0; i < batch.length; i += this.settings.concurrency) {
      await Promise.all(
        batch.slice(i, i + this.settings.concurrency).map(async (delivery) => {
          const result = await this.send(delivery);
          if (result.ok) done.push({ delivery, status: result.status! });
          else failed.push(this.failure(delivery, result.status, result.error));
        }),
      );
    }
    await this.store.succeeded(done, this.clock.now());
    await this.recordFailures(failed);
    return batch.length;
  }

  async purge(): Promise<number> {
    return this.store.purge(new Date(this.clock.now().getTime() - this.settings.feedRetentionMs));
  }

  private async round(): Promise<boolean> {
    const claimed = await this.dispatchOnce();
    if (Date.now() >= this.nextPurgeAt) {
      this.nextPurgeAt = Date.now() + PURGE_EVERY_MS;
      await this.purge();
    }
    return claimed === this.settings.batchSize;
  }

  private send(delivery: ClaimedWebhookDelivery) {
    const secrets = [this.box.open(delivery.secret)];
    const until = delivery.previousSecretUntil;
    if (delivery.previousSecret && until && until > this.clock.now()) {
      secrets.push(this.box.open(delivery.previousSecret));
    }
    const headers = signedHeaders(delivery.eventId, this.clock.now(), delivery.body, secrets);
    return this.sender.send(delivery.url, delivery.body, headers);
  }

  private failure(delivery: ClaimedWebhookDelivery, status?: number, error?: string) {
    const wait = webhookRetryDelayMs(this.settings, delivery.attempts);
    return {
      delivery,
      status,
      error: (error ?? `HTTP ${status}`).slice(0, 500),
      retryAt: new Date(this.clock.now().getTime() + wait),
    };
  }

  private async recordFailures(failed: WebhookFailure[]): Promise<void> {
    if (failed.length === 0) return;
    const now = this.clock.now();
    const { disableAfterFailures, disableAfterMs } = this.settings;
    const exhausted = await this.store.failed(failed, now, disableAfterFailures, disableAfterMs);
    for (const endpoint of exhausted) {
      const lastError = failed.find((f) => f.delivery.webhookId === endpoint.id)?.error;
      await this.tx.run(async () => {
        if (!(await this.store.disable(endpoint.id, now))) return;
        await this.notifier.record([
          {
            clientId: endpoint.clientId,
            recipient: { kind: 'group', id: this.settings.adminGroup },
            template: 'webhook.disabled',
            payload: {
              webhookId: endpoint.id,
              url: endpoint.url,
              failingSince: endpoint.failingSince,
              lastError,
            },
            dedupeKey: `webhook.disabled:${endpoint.id}:${now.toISOString()}`,
          },
        ]);
      });
      this.logger.warn({ webhookId: endpoint.id }, 'webhook disabled after repeated failures');
    }
  }
}
