import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { Directory, DirectoryUser } from '../../directory/directory';
import { localeFallbacks } from '../../directory/locale';
import { RecordedNotification } from '../notification';
import { DeliveryResult } from '../notification-channel';
import { RecipientMailer } from './recipient-mailer';

type Addressee = Pick<DirectoryUser, 'id' | 'email' | 'locale' | 'timeZone'>;

/**
 * Delivers a notification to a user or group: an inbox row per person (the user, or the
 * group's active members at this moment), then their e-mails. The unique (event, user) key
 * makes this idempotent on retry and gives a person reached twice by one event one row.
 */
@Injectable()
export class RecipientExpander {
  constructor(
    private readonly tx: TransactionManager,
    private readonly directory: Directory,
    private readonly mailer: RecipientMailer,
  ) {}

  async expand(n: RecordedNotification): Promise<DeliveryResult> {
    const people = await this.addressees(n);
    const pending = await this.insert(n, people);
    const mail = await this.mailer.dispatch({ ids: pending });
    return {
      note: `inbox: ${people.length} recipient(s); e-mail: ${mail.sent} sent, ${pending.length - mail.sent} pending or failed`,
    };
  }

  private async addressees(n: RecordedNotification): Promise<Addressee[]> {
    const { clientId, recipient, payload } = n;
    if (recipient.kind === 'user') {
      const [known] = await this.directory.findUsers(clientId, [recipient.id]);
      if (known) return known.active ? [known] : [];
      return [{ id: recipient.id, email: null, locale: null, timeZone: null }];
    }
    // The actor hears nothing of their own action, through a group neither.
    const actor = payload.actorId ?? payload.authorId;
    const members = await this.directory.activeMembers(clientId, [recipient.id]);
    return members.filter((m) => m.id !== actor);
  }

  private async insert(n: RecordedNotification, people: Addressee[]): Promise<string[]> {
    if (people.length === 0) return [];
    const params: unknown[] = [n.clientId, n.id, n.eventKey, n.createdAt];
    const rows = people.map((p) => {
      const mail = this.mailer.enabled && p.email ? 'PENDING' : 'NONE';
      params.push(p.id, p.email, localeFallbacks(p.locale)[0], p.timeZone, mail);
      const i = params.length;
      return `($1, $2, $3, $${i - 4}, $${i - 3}, $${i - 2}, $${i - 1}, $${i}, $4, $4)`;
    });
    const inserted = await this.tx.query<{ id: string; email_status: string }>(
      `INSERT INTO notification_recipients (client_id, notification_id, event_key, user_id, email,
                   locale, time_zone, email_status, email_next_attempt_at, created_at)
       VALUES ${rows.join(', ')}
       ON CONFLICT (client_id, event_key, user_id) DO NOTHING
       RETURNING id, email_status`,
      params,
    );
    return inserted.filter((r) => r.email_status === 'PENDING').map((r) => r.id);
  }
}
