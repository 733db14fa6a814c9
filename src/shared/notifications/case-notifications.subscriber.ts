import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../database/transaction-manager';
import { OutboxEvent } from '../outbox/outbox-event';
import { OutboxSubscriber } from '../outbox/outbox-subscriber';
import { caseNotifications, notifiesOf } from './case-notification.policy';
import { Notifier } from './notifier';

/**
 * The notifications of case changes, fed after commit by the outbox relay (see
 * case-notification.policy.ts). Idempotent: every notification's dedupe key is the event id, so
 * a redelivery (a crashed relay, an expired lease) records nothing twice.
 */
@Injectable()
export class CaseNotificationsSubscriber extends OutboxSubscriber {
  readonly name = 'case-notifications';

  constructor(
    private readonly tx: TransactionManager,
    private readonly notifier: Notifier,
  ) {
    super();
  }

  override handles(type: string): boolean {
    return notifiesOf(type);
  }

  /** Only what tells someone something: a created case or a new tag gets no delivery at all. */
  override receives(event: OutboxEvent): boolean {
    return this.handles(event.type) && caseNotifications(event).length > 0;
  }

  async handle(event: OutboxEvent): Promise<void> {
    const notifications = caseNotifications(event);
    if (notifications.length === 0) return;
    await this.tx.run(() => this.notifier.record(notifications));
  }
}
