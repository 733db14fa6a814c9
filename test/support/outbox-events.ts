import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventFeedSubscriber } from '../../src/modules/webhooks/feed/event-feed.subscriber';
import { EventRow, toEvent } from '../../src/shared/outbox/outbox-delivery.store';
import { OutboxEvent } from '../../src/shared/outbox/outbox-event';

/**
 * A tenant's committed outbox rows as the relay hands them over (the relay is off under tests: it
 * serves every tenant of the shared database), each case's events in sequence order;
 * `notInFeed`: only those the change feed has not taken yet.
 */
export async function tenantOutboxEvents(
  db: DataSource,
  tenant: string,
  options: { notInFeed?: boolean } = {},
): Promise<OutboxEvent[]> {
  const rows = (await db.query(
    `SELECT o.id AS event_id, o.type, o.client_id, o.aggregate_id, o.seq, o.occurred_at, o.payload
       FROM outbox o WHERE o.client_id = $1
        ${options.notInFeed ? 'AND NOT EXISTS (SELECT 1 FROM event_feed f WHERE f.event_id = o.id)' : ''}
      ORDER BY o.occurred_at, o.aggregate_id, o.seq`,
    [tenant],
  )) as EventRow[];
  return rows.map(toEvent);
}

/** What the relay does for the change feed: hands it the tenant's events it has not taken yet. */
export async function feedTenant(
  t: { app: INestApplicationContext; dataSource: DataSource },
  tenant: string,
): Promise<void> {
  const subscriber = t.app.get(EventFeedSubscriber, { strict: false });
  for (const event of await tenantOutboxEvents(t.dataSource, tenant, { notInFeed: true })) {
    await subscriber.handle(event);
  }
}
