import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../database/transaction-manager';
import { OutboxEvent } from '../outbox/outbox-event';
import { OutboxSubscriber } from '../outbox/outbox-subscriber';
import { deadlineNotifications, notifiesOfDeadline } from './deadline-notification.policy';
import { Notifier } from './notifier';

/**
 * The SLA and due-date notifications, fed after commit by the outbox relay. Idempotent: the
 * dedupe keys are stable per mark (`sla.warning:<instance id>`, …), so a redelivery records
 * nothing more.
 */
@Injectable()
export class DeadlineNotificationsSubscriber extends OutboxSubscriber {
  readonly name = 'deadline-notifications';

  constructor(
    private readonly tx: TransactionManager,
    private readonly notifier: Notifier,
  ) {
    super();
  }

  override handles(type: string): boolean {
    return notifiesOfDeadline(type);
  }

  async handle(event: OutboxEvent): Promise<void> {
    const notifications = deadlineNotifications(event);
    if (notifications.length === 0) return;
    await this.tx.run(() => this.notifier.record(notifications));
  }
}
