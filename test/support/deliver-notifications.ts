import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseNotificationsSubscriber } from '../../src/shared/notifications/case-notifications.subscriber';
import { DeadlineNotificationsSubscriber } from '../../src/shared/notifications/deadline-notifications.subscriber';
import { NotificationDispatcher } from '../../src/shared/notifications/notification-dispatcher';
import { tenantOutboxEvents } from './outbox-events';

/**
 * What the outbox relay (off under tests: it serves every tenant of the shared database) does
 * for the notifications: hands the committed outbox rows of this test's own `tenant` that the
 * real notification subscribers receive (case changes, SLA and due-date marks), each case's
 * events in sequence order, then waits for the dispatcher to send what was recorded. The
 * subscribers are idempotent, so calling this again after more commands delivers only what is new.
 */
export async function deliverNotifications(
  t: { app?: INestApplicationContext; moduleRef?: INestApplicationContext; dataSource: DataSource },
  tenant: string,
): Promise<number> {
  const context = (t.app ?? t.moduleRef)!;
  const subscribers = [
    context.get(CaseNotificationsSubscriber, { strict: false }),
    context.get(DeadlineNotificationsSubscriber, { strict: false }),
  ];
  const events = (await tenantOutboxEvents(t.dataSource, tenant)).filter((e) =>
    subscribers.some((s) => s.receives(e)),
  );
  for (const event of events) {
    for (const s of subscribers) if (s.receives(event)) await s.handle(event);
  }
  await context.get(NotificationDispatcher, { strict: false }).settled();
  return events.length;
}
