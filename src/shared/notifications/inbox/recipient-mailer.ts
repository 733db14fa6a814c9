import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { Clock } from '../../time/clock';
import { NotificationTemplate } from '../notification';
import { NOTIFICATION_MAX_ATTEMPTS, retryDelayMs } from '../notification-dispatcher';
import { safeErrorMessage, UndeliverableNotificationError } from '../notification.errors';
import { SmtpNotificationChannel } from '../smtp.notification-channel';
import { NotificationTemplateStore } from '../templates/notification-template.store';
import { renderMail, templateModel } from '../templates/template-renderer';

const BATCH_SIZE = 20;
const MAX_BATCHES_PER_RUN = 50;
/** A claimed e-mail is invisible this long; a process that died mid-send loses it then. */
const LEASE_MS = 5 * 60_000;

interface ClaimedMail {
  id: string;
  client_id: string;
  user_id: string;
  email: string;
  locale: string;
  time_zone: string | null;
  email_attempts: number;
  case_id: string | null;
  template: NotificationTemplate;
  payload: Record<string, unknown>;
}

export interface MailResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the e-mail of each inbox row that has one pending: one e-mail per recipient per event.
 * A row is claimed (attempt counted, pushed a lease ahead) before its e-mail goes out, so two
 * dispatchers never send it together; its id is the Message-ID, the same on every retry.
 */
@Injectable()
export class RecipientMailer {
  private readonly logger = new Logger(RecipientMailer.name);

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    @Inject(SmtpNotificationChannel) private readonly smtp: SmtpNotificationChannel | null,
    private readonly templates: NotificationTemplateStore,
  ) {}

  get enabled(): boolean {
    return this.smtp !== null;
  }

  async dispatch(filter: { ids?: string[]; clientId?: string } = {}): Promise<MailResult> {
    const result: MailResult = { sent: 0, retrying: 0, failed: 0 };
    if (!this.smtp || filter.ids?.length === 0) return result;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await this.claim(filter);
      const outcomes = await Promise.all(claimed.map((mail) => this.send(mail)));
      for (const outcome of outcomes) result[outcome]++;
      if (claimed.length < BATCH_SIZE) break;
    }
    return result;
  }

  private claim(filter: { ids?: string[]; clientId?: string }): Promise<ClaimedMail[]> {
    const now = this.clock.now();
    return this.tx.query<ClaimedMail>(
      `WITH claimed AS (
         UPDATE notification_recipients r
            SET email_attempts = r.email_attempts + 1, email_next_attempt_at = $2
          WHERE r.id IN (
            SELECT id FROM notification_recipients
             WHERE email_status = 'PENDING' AND email_next_attempt_at <= $1
               AND ($3::text IS NULL OR client_id = $3) AND ($4::uuid[] IS NULL OR id = ANY($4))
             ORDER BY email_next_attempt_at
             LIMIT ${BATCH_SIZE}
             FOR UPDATE SKIP LOCKED)
          RETURNING r.id, r.client_id, r.user_id, r.email, r.locale, r.time_zone,
                    r.email_attempts, r.notification_id)
       SELECT c.*, n.case_id, n.template, n.payload
         FROM claimed c JOIN notifications n ON n.id = c.notification_id`,
      [now, new Date(now.getTime() + LEASE_MS), filter.clientId ?? null, filter.ids ?? null],
    );
  }

  private async send(mail: ClaimedMail): Promise<keyof MailResult> {
    try {
      const smtp = this.smtp!;
      const template = await this.templates.resolve(mail.client_id, mail.template, mail.locale);
      const model = templateModel(mail.template, mail.payload, mail.case_id, {
        id: mail.user_id,
        timeZone: mail.time_zone,
      });
      await smtp.send({
        to: mail.email,
        ...renderMail(template, model),
        messageId: smtp.messageId(mail.id),
        headers: { 'List-Unsubscribe': `<mailto:${smtp.senderAddress}?subject=unsubscribe>` },
      });
    } catch (error) {
      return this.recordFailure(mail, error);
    }
    // Only the holder of the current claim (same attempt count) may finish the row.
    await this.tx.query(
      `UPDATE notification_recipients SET email_status = 'SENT', email_sent_at = $3
        WHERE id = $1 AND email_attempts = $2 AND email_status = 'PENDING'`,
      [mail.id, mail.email_attempts, this.clock.now()],
    );
    return 'sent';
  }

  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<keyof MailResult> {
    const message = safeErrorMessage(error);
    const failed =
      error instanceof UndeliverableNotificationError ||
      mail.email_attempts >= NOTIFICATION_MAX_ATTEMPTS;
    const next = new Date(this.clock.now().getTime() + retryDelayMs(mail.email_attempts));
    await this.tx.query(
      `UPDATE notification_recipients
          SET email_status = $3, email_next_attempt_at = $4, email_last_error = $5
        WHERE id = $1 AND email_attempts = $2 AND email_status = 'PENDING'`,
      [mail.id, mail.email_attempts, failed ? 'FAILED' : 'PENDING', next, message],
    );
    this.logger.warn(
      { recipientId: mail.id, clientId: mail.client_id, attempts: mail.email_attempts, failed },
      'notification e-mail failed',
    );
    return failed ? 'failed' : 'retrying';
  }
}
