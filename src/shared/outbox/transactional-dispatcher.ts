import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DomainEvent } from '../domain/domain-event';
import { TransactionalSubscriber } from './transactional-subscriber';

/** Calls every TransactionalSubscriber, in its documented order, inside the writer's transaction. */
@Injectable()
export class TransactionalDispatcher implements OnModuleInit {
  private subscribers: TransactionalSubscriber[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = new Set(
      this.discovery
        .getProviders()
        .map((wrapper) => wrapper.instance as unknown)
        .filter((i): i is TransactionalSubscriber => i instanceof TransactionalSubscriber),
    );
    const names = [...found].map((s) => s.name);
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    if (twice.length > 0)
      throw new Error(`transactional subscribers named twice: ${twice.join(', ')}`);
    this.subscribers = [...found].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  }

  get subscriberNames(): string[] {
    return this.subscribers.map((s) => s.name);
  }

  async dispatch(events: DomainEvent[]): Promise<void> {
    for (const subscriber of this.subscribers) {
      const handled = events.filter((e) => subscriber.handles(e));
      if (handled.length > 0) await subscriber.handle(handled);
    }
  }
}
