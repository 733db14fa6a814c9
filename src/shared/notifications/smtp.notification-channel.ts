import { OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { LogNotificationChannel } from './log.notification-channel';
import { DeliveryChannel, RecordedNotification, Recipient } from './notification';
import { DeliveryResult, NotificationChannel } from './notification-channel';
import { safeErrorMessage, UndeliverableNotificationError } from './notification.errors';
import { renderNotification } from './notification-renderer';

/** Well inside the dispatcher's claim lease, so a slow server cannot outlive a claim. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/** One bare address: no list, display name or header syntax can ride along. */
const ADDRESS = /^[^\s@,;:<>()[\]"'\\]+@[^\s@,;:<>()[\]"'\\]+$/;

/** One e-mail to one address; `messageId` stays the same on every retry of the same send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * E-mail through nodemailer on SMTP_URL. The sender is the URL's `from` query parameter
 * (`smtp://user:pass@host:587?from=cases@example.com`), else no-reply@<host>.
 */
export class SmtpNotificationChannel extends NotificationChannel implements OnModuleDestroy {
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;
  private readonly log = new LogNotificationChannel();
  /** The bare sender address, for List-Unsubscribe. */
  readonly senderAddress: string;

  constructor(smtpUrl: string) {
    super();
    const url = new URL(smtpUrl);
    const from = url.searchParams.get('from') ?? `no-reply@${url.hostname}`;
    this.messageIdDomain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? url.hostname;
    this.senderAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
    // Loaded only when SMTP is configured: nodemailer is a tenth of a second of every start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTransport } = require('nodemailer') as typeof import('nodemailer');
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
    const { subject, text } = renderNotification(n.template, n.payload);
    // Stable across retries, so a receiver can drop the duplicate of an at-least-once send.
    await this.send({ to: n.recipient.id, subject, text, messageId: this.messageId(n.id) });
    return {};
  }

  /** The Message-ID of the e-mail for a notification or recipient row id. */
  messageId(id: string): string {
    return `<${id}@${this.messageIdDomain}>`;
  }

  /** Sends one e-mail; a permanent rejection (5xx) or a malformed address is undeliverable. */
  async send(mail: OutgoingMail): Promise<void> {
    if (!ADDRESS.test(mail.to)) {
      throw new UndeliverableNotificationError('recipient is not a single e-mail address');
    }
    try {
      await this.transport.sendMail(mail);
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) {
        throw new UndeliverableNotificationError(safeErrorMessage(error));
      }
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
