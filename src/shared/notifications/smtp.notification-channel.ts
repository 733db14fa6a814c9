import { OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { LogNotificationChannel } from './log.notification-channel';
import { DeliveryChannel, RecordedNotification, Recipient } from './notification';
import { DeliveryResult, NotificationChannel } from './notification-channel';
import { safeErrorMessage, UndeliverableNotificationError } from './notification.errors';
import { renderNotification } from './notification-renderer';

/** Well inside the dispatcher's claim lease, so a slow server cannot outlive a claim. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** One bare address: no list, display name or header syntax can ride along. */
const ADDRESS = /^[^\s@,;:<>()[\]"'\\]+@[^\s@,;:<>()[\]"'\\]+$/;

/**
 * E-mail through nodemailer on SMTP_URL. The sender is the URL's `from` query parameter
 * (`smtp://user:pass@host:587?from=cases@example.com`), else no-reply@<host>.
 */
export class SmtpNotificationChannel extends NotificationChannel implements OnModuleDestroy {
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;
  private readonly log = new LogNotificationChannel();

  constructor(smtpUrl: string) {
    super();
    const url = new URL(smtpUrl);
    const from = url.searchParams.get('from') ?? `no-reply@${url.hostname}`;
    this.messageIdDomain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? url.hostname;
    this.transport = createTransport({ ...TIMEOUTS, url: smtpUrl }, { from });
  }

  channelFor(recipient: Recipient): DeliveryChannel {
    return recipient.kind === 'email' ? 'email' : 'log';
  }

  async deliver(n: RecordedNotification): Promise<DeliveryResult> {
    if (n.recipient.kind !== 'email') {
      await this.log.deliver(n);
      return { note: `no e-mail address for a ${n.recipient.kind} recipient; logged only` };
    }
    if (!ADDRESS.test(n.recipient.id)) {
      throw new UndeliverableNotificationError('recipient is not a single e-mail address');
    }
    const { subject, text } = renderNotification(n.template, n.payload);
    try {
      await this.transport.sendMail({
        to: n.recipient.id,
        subject,
        text,
        // Stable across retries, so a receiver can drop the duplicate of an at-least-once send.
        messageId: `<${n.id}@${this.messageIdDomain}>`,
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) {
        throw new UndeliverableNotificationError(safeErrorMessage(error));
      }
      throw error;
    }
    return {};
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
