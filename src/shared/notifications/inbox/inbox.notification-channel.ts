import { DeliveryChannel, RecordedNotification, Recipient } from '../notification';
import { DeliveryResult, NotificationChannel } from '../notification-channel';
import { RecipientExpander } from './recipient-expander';

/**
 * The application's channel: users and groups get inbox rows (and, through the directory,
 * e-mails); a literal address goes to the address channel (SMTP, or the log without SMTP_URL).
 */
export class InboxNotificationChannel extends NotificationChannel {
  constructor(
    private readonly addresses: NotificationChannel,
    private readonly expander: RecipientExpander,
  ) {
    super();
  }

  channelFor(recipient: Recipient): DeliveryChannel {
    return this.addresses.channelFor(recipient);
  }

  deliver(n: RecordedNotification): Promise<DeliveryResult> {
    return n.recipient.kind === 'email' ? this.addresses.deliver(n) : this.expander.expand(n);
  }
}
