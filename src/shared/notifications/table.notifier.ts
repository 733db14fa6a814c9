import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransactionManager } from '../database/transaction-manager';
import { Clock } from '../time/clock';
import { NewNotification, NOTIFICATION_TEMPLATES } from './notification';
import { NotificationChannel } from './notification-channel';
import { NotificationDispatcher } from './notification-dispatcher';
import { Notifier } from './notifier';

const RECIPIENT_KINDS = new Set(['user', 'group', 'email']);
/** Keeps one INSERT well under PostgreSQL's 65 535 bind parameters. */
const ROWS_PER_INSERT = 500;

function assertValid(n: NewNotification): void {
  const problems = [
    !n.clientId?.trim() && 'clientId is required',
    !RECIPIENT_KINDS.has(n.recipient?.kind) && `unknown recipient kind ${n.recipient?.kind}`,
    !n.recipient?.id?.trim() && 'recipient id is required',
    !NOTIFICATION_TEMPLATES.includes(n.template) && `unknown template ${n.template}`,
    n.dedupeKey !== undefined && !n.dedupeKey.trim() && 'dedupeKey must not be blank',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`Invalid notification: ${problems.join(', ')}`);
}

/**
 * One key per event: the notifications of one call with the same case, kind and payload are
 * one event told to several recipients. A dedupe key names the event itself, so a retried job
 * keeps the key of its first run.
 */
function eventKeys(notifications: NewNotification[]): string[] {
  const keys = new Map<string, string>();
  return notifications.map((n) => {
    if (n.dedupeKey) return `${n.clientId}:${n.dedupeKey}`;
    const event = JSON.stringify([n.clientId, n.caseId ?? null, n.template, n.payload]);
    if (!keys.has(event)) keys.set(event, randomUUID());
    return keys.get(event)!;
  });
}

/** Records notifications in the `notifications` table; the dispatcher delivers them. */
@Injectable()
export class TableNotifier extends Notifier {
  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly channel: NotificationChannel,
    private readonly dispatcher: NotificationDispatcher,
  ) {
    super();
  }

  async record(notifications: NewNotification[]): Promise<void> {
    if (!this.tx.inTransaction) {
      throw new Error('Notifier.record must be called inside TransactionManager.run');
    }
    if (notifications.length === 0) return;
    notifications.forEach(assertValid);
    const now = this.clock.now();
    const ids: string[] = [];
    const keys = eventKeys(notifications);
    for (let i = 0; i < notifications.length; i += ROWS_PER_INSERT) {
      const slice = notifications.slice(i, i + ROWS_PER_INSERT);
      ids.push(...(await this.insert(slice, keys.slice(i, i + ROWS_PER_INSERT), now)));
    }
    if (ids.length > 0) this.tx.afterCommit(() => this.dispatcher.dispatchSoon(ids));
  }

  private async insert(
    notifications: NewNotification[],
    keys: string[],
    now: Date,
  ): Promise<string[]> {
    const params: unknown[] = [now];
    const rows = notifications.map((n, index) => {
      const base = params.length;
      params.push(
        n.clientId,
        n.caseId ?? null,
        n.recipient.kind,
        n.recipient.id.trim(),
        this.channel.channelFor(n.recipient),
        n.template,
        JSON.stringify(n.payload),
        n.dedupeKey ?? null,
        keys[index],
      );
      const p = (i: number) => `$${base + i}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::jsonb, ${p(8)}, ${p(9)}, $1, $1)`;
    });
    // A dedupe key already recorded for this tenant and recipient inserts nothing, and waits for
    // a concurrent transaction recording the same one, so a retried job notifies exactly once.
    const inserted = await this.tx.query<{ id: string }>(
      `INSERT INTO notifications (client_id, case_id, recipient_kind, recipient_id, channel, template,
                                  payload, dedupe_key, event_key, next_attempt_at, created_at)
       VALUES ${rows.join(', ')}
       ON CONFLICT (client_id, dedupe_key, recipient_kind, recipient_id) DO NOTHING
       RETURNING id`,
      params,
    );
    return inserted.map((r) => r.id);
  }
}
