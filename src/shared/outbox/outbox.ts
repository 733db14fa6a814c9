import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { DomainEvent } from '../domain/domain-event';
import { TransactionManager } from '../database/transaction-manager';

/**
 * Writes domain events to the outbox table in the caller's transaction, and publishes them on
 * the in-process event bus once that transaction has committed.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly tx: TransactionManager,
    private readonly eventBus: EventBus,
  ) {}

  async append(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const rows = events.map((event) => {
      const base = params.length;
      params.push(
        event.clientId,
        event.type,
        event.aggregateId,
        JSON.stringify(event.payload()),
        event.occurredAt,
      );
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb, $${base + 5})`;
    });
    await this.tx.query(
      `INSERT INTO outbox (client_id, type, aggregate_id, payload, occurred_at) VALUES ${rows.join(', ')}`,
      params,
    );
    this.tx.afterCommit(() => this.eventBus.publishAll(events));
  }
}
