import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { Metrics } from '../../operations/metrics';
import { OutboxEvent } from '../outbox-event';
import { OutboxSubscriber } from '../outbox-subscriber';

/** Counts committed domain events by type on /metrics (`domain_events_total`). */
@Injectable()
export class EventMetricsSubscriber extends OutboxSubscriber {
  readonly name = 'event-metrics';
  private readonly events: Counter<'type'>;

  constructor(metrics: Metrics) {
    super();
    this.events = new Counter({
      name: 'domain_events_total',
      help: 'Committed domain events by type (at least once: a crashed relay may count again)',
      labelNames: ['type'] as const,
      registers: [metrics.registry],
    });
  }

  handle(event: OutboxEvent): Promise<void> {
    this.events.inc({ type: event.type });
    return Promise.resolve();
  }
}
