import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { PollingLoop } from '../queue/polling-loop';
import { Clock } from '../time/clock';
import { Outbox } from './outbox';
import { ClaimedDelivery, FailedDelivery, OutboxDeliveryStore } from './outbox-delivery.store';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelaySettings, retryDelayMs } from './outbox-relay.settings';
import { OutboxEvent } from './outbox-event';
import { OutboxSubscriber } from './outbox-subscriber';
import { OutboxTap } from './outbox-tap';

const PURGE_BATCH = 1000;
const MAX_ERROR_LENGTH = 2000;

/**
 * Feeds every after-commit consumer from the outbox. Each round fans new outbox rows out into
 * per-subscriber deliveries, then lets each subscriber claim a batch of its lane heads (see
 * OutboxDeliveryStore.claim), deliver them, ack the delivered and back off the failed ones, so a
 * failing subscriber or case holds up only itself. Claims are leases: a relay killed mid-batch
 * loses nothing, its claims are delivered again once the lease ends (at least once). It runs
 * after OUTBOX_POLL_INTERVAL_MS, and OUTBOX_WAKE_DELAY_MS after a local commit that wrote outbox
 * rows (the commits within that delay share the round). Taps (OutboxTap) see each fanned-out
 * batch instead, with no deliveries.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop: PollingLoop;
  private subscribers: OutboxSubscriber[] = [];
  private taps: OutboxTap[] = [];
  private nextPurgeAt = 0;
  private stopListening?: () => void;

  constructor(
    private readonly store: OutboxDeliveryStore,
    private readonly clock: Clock,
    private readonly settings: OutboxRelaySettings,
    private readonly discovery: DiscoveryService,
    private readonly outbox: Outbox,
    private readonly metrics: OutboxMetrics,
  ) {
    this.loop = new PollingLoop(
      this.logger,
      settings.pollIntervalMs,
      () => this.round(),
      'outbox relay round',
      settings.wakeDelayMs,
    );
  }

  onModuleInit(): void {
    const providers = this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
    this.subscribers = providers.filter(
      (instance): instance is OutboxSubscriber => instance instanceof OutboxSubscriber,
    );
    this.taps = providers.filter(
      (instance): instance is OutboxTap => instance instanceof OutboxTap,
    );
    const names = this.subscribers.map((s) => s.name);
    const all = [...names, ...this.taps.map((t) => t.name)];
    const twice = all.filter((name, i) => all.indexOf(name) !== i);
    if (twice.length > 0) throw new Error(`outbox subscribers named twice: ${twice.join(', ')}`);
    this.metrics.subscribers = names;
  }

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    this.stopListening = this.outbox.onCommitted(() => this.loop.nudge());
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopListening?.();
    await this.loop.stop();
  }

  get subscriberNames(): string[] {
    return this.subscribers.map((s) => s.name);
  }

  /** Rounds until nothing is left to claim at the clock's "now"; returns the deliveries made. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { fannedOut, delivered } = await this.pollOnce();
      total += delivered;
      if (fannedOut === 0 && delivered === 0) return total;
    }
  }

  /** One round: a batch of fan-out, then a batch of deliveries per subscriber, concurrently. */
  async pollOnce(): Promise<{ fannedOut: number; claimed: number[]; delivered: number }> {
    const fannedOut = await this.store.fanOut(
      this.settings.batchSize,
      this.clock.now(),
      (event) => this.subscribers.filter((s) => this.receives(s, event)).map((s) => s.name),
      (events) => this.tap(events),
    );
    const outcomes = await Promise.all(this.subscribers.map((s) => this.deliverBatch(s)));
    return {
      fannedOut,
      claimed: outcomes.map((o) => o.claimed),
      delivered: outcomes.reduce((sum, o) => sum + o.delivered, 0),
    };
  }

  /** Deletes published rows older than the retention, in batches; returns how many. */
  async purge(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.retentionMs);
    let total = 0;
    for (let n = PURGE_BATCH; n === PURGE_BATCH; total += n) {
      n = await this.store.purge(cutoff, PURGE_BATCH);
    }
    return total;
  }

  private async round(): Promise<boolean> {
    const { fannedOut, claimed } = await this.pollOnce();
    if (Date.now() >= this.nextPurgeAt) {
      this.nextPurgeAt = Date.now() + this.settings.purgeEveryMs;
      const purged = await this.purge();
      if (purged > 0) this.logger.log({ purged }, 'purged published outbox rows');
    }
    const full = this.settings.batchSize;
    return fannedOut === full || claimed.some((n) => n === full);
  }

  /**
   * A subscriber's `receives`, where a throw means yes: the delivery is written and its handling
   * retried on that event's lane alone, instead of the fan-out of every event failing on it.
   */
  private receives(subscriber: OutboxSubscriber, event: OutboxEvent): boolean {
    try {
      return subscriber.receives(event);
    } catch (error) {
      this.logger.warn(
        {
          subscriber: subscriber.name,
          eventId: event.id,
          type: event.type,
          error: errorText(error),
        },
        'outbox routing failed; the event is delivered to the subscriber',
      );
      return true;
    }
  }

  private tap(events: OutboxEvent[]): void {
    for (const tap of this.taps) {
      try {
        tap.observe(events);
      } catch (error) {
        this.logger.warn(
          { tap: tap.name, events: events.length, error: errorText(error) },
          'outbox tap failed; its events are not retried',
        );
      }
    }
  }

  private async deliverBatch(subscriber: OutboxSubscriber) {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.settings.leaseMs);
    const batch = await this.store.claim(
      subscriber.name,
      now,
      lease,
      this.settings.batchSize,
      subscriber.handleBatch ? this.settings.batchSize : 1,
    );
    const { delivered, failed, held } = await this.deliver(subscriber, batch);
    await this.store.release(held);
    await this.store.retry(subscriber.name, failed);
    const acked = await this.store.ack(delivered, this.clock.now());
    this.metrics.countDeliveries(subscriber.name, acked, failed.length);
    return { claimed: batch.length, delivered: acked };
  }

  /**
   * The whole batch at once when the subscriber takes batches; else, or when that throws, one by
   * one in claim order, where a failure holds back the rest of its lane (released for its retry).
   */
  private async deliver(subscriber: OutboxSubscriber, batch: ClaimedDelivery[]) {
    const delivered: ClaimedDelivery[] = [];
    const failed: FailedDelivery[] = [];
    const held: { delivery: ClaimedDelivery; until: Date }[] = [];
    if (subscriber.handleBatch && batch.length > 1) {
      try {
        await subscriber.handleBatch(batch.map((d) => d.event));
        return { delivered: batch, failed, held };
      } catch (error) {
        this.logger.warn(
          { subscriber: subscriber.name, events: batch.length, error: errorText(error) },
          'outbox batch delivery failed; delivering its events one by one',
        );
      }
    }
    const stopped = new Map<string, Date>();
    for (const delivery of batch) {
      const lane = `${delivery.event.clientId}\u0000${delivery.event.aggregateId}`;
      const until = stopped.get(lane);
      if (until) {
        held.push({ delivery, until });
        continue;
      }
      try {
        await subscriber.handle(delivery.event, { attempt: delivery.attempts });
        delivered.push(delivery);
      } catch (error) {
        const failure = this.failure(subscriber, delivery, error);
        failed.push(failure);
        stopped.set(lane, failure.retryAt);
      }
    }
    return { delivered, failed, held };
  }

  private failure(
    subscriber: OutboxSubscriber,
    delivery: ClaimedDelivery,
    error: unknown,
  ): FailedDelivery {
    const retryAt = new Date(
      this.clock.now().getTime() + retryDelayMs(this.settings, delivery.attempts),
    );
    const text = errorText(error);
    this.logger.warn(
      {
        subscriber: subscriber.name,
        eventId: delivery.event.id,
        type: delivery.event.type,
        attempt: delivery.attempts,
        retryAt,
        error: text,
      },
      'outbox delivery failed; retrying later',
    );
    return { delivery, retryAt, error: text };
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
}
