import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseNotificationsSubscriber } from '../../src/shared/notifications/case-notifications.subscriber';
import { NotificationDispatcher } from '../../src/shared/notifications/notification-dispatcher';
import { OutboxEvent } from '../../src/shared/outbox/outbox-event';

interface OutboxRow {
  id: string;
  type: string;
  client_id: string;
  aggregate_id: string;
  seq: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

/**
 * What the outbox relay (off under tests: it serves every tenant of the shared database) does
 * for the notifications: hands the committed outbox rows of this test's own `tenant` to the real
 * notification subscriber, each case's events in sequence order, then waits for the dispatcher
 * to send what was recorded. The subscriber is idempotent, so calling this again after more
 * commands delivers only what is new.
 */
export async function deliverNotifications(
  t: { app: INestApplicationContext; dataSource: DataSource },
  tenant: string,
): Promise<number> {
  const rows = (await t.dataSource.query(
    `SELECT id, type, client_id, aggregate_id, seq, occurred_at, payload FROM outbox
      WHERE client_id = $1 ORDER BY occurred_at, aggregate_id, seq`,
    [tenant],
  )) as OutboxRow[];
  const subscriber = t.app.get(CaseNotificationsSubscriber);
  const events = rows
    .map(
      (r) =>
        new OutboxEvent(
          r.id,
          r.type,
          r.client_id,
          r.aggregate_id,
          Number(r.seq),
          r.occurred_at,
          r.payload,
        ),
    )
    .filter((e) => subscriber.handles(e.type));
  for (const event of events) await subscriber.handle(event);
  await t.app.get(NotificationDispatcher).settled();
  return events.length;
}
