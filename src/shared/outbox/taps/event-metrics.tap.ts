import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { Metrics } from '../../operations/metrics';
import { OutboxEvent } from '../outbox-event';
import { OutboxTap } from '../outbox-tap';

/** Counts committed domain events by type on /metrics (`domain_events_total`). */
@Injectable()
export class EventMetricsTap extends OutboxTap {
  readonly name = 'event-metrics';
  private readonly events: Counter<'type'>;

  constructor(metrics: Metrics) {
    super();
    this.events = new Counter({
      name: 'domain_events_total',
      help: 'Committed domain events by type (at least once: a relay that dies mid fan-out may count again)',
      labelNames: ['type'] as const,
      registers: [metrics.registry],
    });
  }

  observe(events: readonly OutboxEvent[]): void {
    for (const event of events) this.events.inc({ type: event.type });
  }
}
