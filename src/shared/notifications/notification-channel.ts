import { DeliveryChannel, RecordedNotification, Recipient } from './notification';

export interface DeliveryResult {
  /** Kept on the row, e.g. why a notification was only logged. */
  note?: string;
}

/** Where notifications go: the log by default, e-mail when SMTP_URL is set. */
export abstract class NotificationChannel {
  /** The channel a notification to this recipient goes through; recorded on its row. */
  abstract channelFor(recipient: Recipient): DeliveryChannel;

  /**
   * Delivers one notification; throwing has it retried later, throwing an
   * `UndeliverableNotificationError` marks it FAILED at once.
   */
  abstract deliver(notification: RecordedNotification): Promise<DeliveryResult>;
}
