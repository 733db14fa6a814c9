import { Logger } from '@nestjs/common';
import { DeliveryChannel, RecordedNotification } from './notification';
import { DeliveryResult, NotificationChannel } from './notification-channel';

/** The default channel: the notifications table is the queryable record, the log the delivery. */
export class LogNotificationChannel extends NotificationChannel {
  private readonly logger = new Logger('Notifications');

  channelFor(): DeliveryChannel {
    return 'log';
  }

  deliver(n: RecordedNotification): Promise<DeliveryResult> {
    this.logger.log(
      {
        notificationId: n.id,
        clientId: n.clientId,
        caseId: n.caseId,
        recipient: n.recipient,
        channel: n.channel,
        template: n.template,
        payload: n.payload,
      },
      'notification',
    );
    // Recorded for e-mail while SMTP_URL was set, delivered after it was removed.
    return Promise.resolve(
      n.channel === 'email' ? { note: 'SMTP_URL is not set; logged only' } : {},
    );
  }
}
