import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { OutboxEvent } from '../outbox-event';
import { OutboxSubscriber } from '../outbox-subscriber';

/**
 * Publishes every committed event on the in-process CQRS event bus, as an OutboxEvent
 * (`@EventsHandler(OutboxEvent)`, switch on `type`). The bus itself is fire-and-forget: its
 * handlers' failures are only logged, so a reaction that must happen is an OutboxSubscriber.
 */
@Injectable()
export class EventBusSubscriber extends OutboxSubscriber {
  readonly name = 'event-bus';

  constructor(private readonly eventBus: EventBus) {
    super();
  }

  handle(event: OutboxEvent): Promise<void> {
    this.eventBus.publish(event);
    return Promise.resolve();
  }
}
