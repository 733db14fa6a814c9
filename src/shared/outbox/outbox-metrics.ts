import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { TransactionManager } from '../database/transaction-manager';
import { Metrics } from '../operations/metrics';
import { Clock } from '../time/clock';

interface Backlog {
  events: number;
  oldest: Date | null;
}

/**
 * The relay on /metrics: its backlog and lag, read from the database at each scrape (so every
 * replica reports the same figures), and the deliveries this process made.
 */
@Injectable()
export class OutboxMetrics {
  private readonly logger = new Logger(OutboxMetrics.name);
  private readonly deliveries: Counter<'subscriber' | 'outcome'>;
  /** The subscribers of this process, reported as 0 when nothing waits for them. */
  subscribers: string[] = [];
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    const registers = [metrics.registry];
    this.deliveries = new Counter({
      name: 'outbox_deliveries_total',
      help: 'Outbox deliveries by subscriber and outcome (delivered, failed)',
      labelNames: ['subscriber', 'outcome'] as const,
      registers,
    });
    const backlog = () => this.read();
    new Gauge({
      name: 'outbox_backlog_events',
      help: 'Outbox events not yet delivered to every subscriber',
      registers,
      async collect() {
        const read = await backlog();
        if (read) this.set(read.events);
      },
    });
    new Gauge({
      name: 'outbox_lag_seconds',
      help: 'Age of the oldest outbox event not yet delivered to every subscriber (0: none)',
      registers,
      async collect() {
        const read = await backlog();
        if (read) this.set(read.age);
      },
    });
    this.subscriberGauges(registers);
  }

  countDeliveries(subscriber: string, delivered: number, failed: number): void {
    if (delivered > 0) this.deliveries.inc({ subscriber, outcome: 'delivered' }, delivered);
    if (failed > 0) this.deliveries.inc({ subscriber, outcome: 'failed' }, failed);
  }

  private subscriberGauges(registers: Metrics['registry'][]): void {
    const pending = async () => [
      ...this.subscribers.map((subscriber) => ({ subscriber, count: 0, age: 0 })),
      ...(await this.pending()),
    ];
    new Gauge({
      name: 'outbox_pending_deliveries',
      help: 'Deliveries waiting for their subscriber (claimed, due or backing off)',
      labelNames: ['subscriber'] as const,
      registers,
      async collect() {
        const rows = await pending();
        this.reset();
        for (const row of rows) this.set({ subscriber: row.subscriber }, row.count);
      },
    });
    new Gauge({
      name: 'outbox_delivery_lag_seconds',
      help: 'Age of the oldest event waiting for its subscriber',
      labelNames: ['subscriber'] as const,
      registers,
      async collect() {
        const rows = await pending();
        this.reset();
        for (const row of rows) this.set({ subscriber: row.subscriber }, row.age);
      },
    });
  }

  /** The gauges of one scrape are collected concurrently: they share one query. */
  private once<T>(key: string, query: () => Promise<T>): Promise<T> {
    let pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = query().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private read(): Promise<{ events: number; age: number } | undefined> {
    return this.once('backlog', () => this.readBacklog());
  }

  private async readBacklog(): Promise<{ events: number; age: number } | undefined> {
    try {
      const [row] = await this.tx.query<Backlog>(
        `SELECT count(*)::int AS events, min(occurred_at) AS oldest
           FROM outbox WHERE published_at IS NULL`,
      );
      return { events: row.events, age: this.ageOf(row.oldest) };
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox backlog unreadable');
      return undefined;
    }
  }

  private pending(): Promise<{ subscriber: string; count: number; age: number }[]> {
    return this.once('pending', () => this.readPending());
  }

  private async readPending(): Promise<{ subscriber: string; count: number; age: number }[]> {
    try {
      const rows = await this.tx.query<{ subscriber: string; count: number; oldest: Date }>(
        `SELECT subscriber, count(*)::int AS count, min(occurred_at) AS oldest
           FROM outbox_deliveries GROUP BY subscriber`,
      );
      return rows.map((r) => ({
        subscriber: r.subscriber,
        count: r.count,
        age: this.ageOf(r.oldest),
      }));
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox deliveries unreadable');
      return [];
    }
  }

  private ageOf(oldest: Date | null): number {
    if (!oldest) return 0;
    return Math.max(0, (this.clock.now().getTime() - oldest.getTime()) / 1000);
  }
}
