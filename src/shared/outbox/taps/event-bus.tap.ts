import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { OutboxEvent } from '../outbox-event';
import { OutboxTap } from '../outbox-tap';

/**
 * Publishes every committed event on the in-process CQRS event bus, as an OutboxEvent
 * (`@EventsHandler(OutboxEvent)`, switch on `type`). The bus itself is fire-and-forget: its
 * handlers' failures are only logged, so a reaction that must happen is an OutboxSubscriber.
 */
@Injectable()
export class EventBusTap extends OutboxTap {
  readonly name = 'event-bus';

  constructor(private readonly eventBus: EventBus) {
    super();
  }

  observe(events: readonly OutboxEvent[]): void {
    this.eventBus.publishAll([...events]);
  }
}
