import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { TransactionManager } from '../database/transaction-manager';
import { Clock } from '../time/clock';
import {
  DeliveryChannel,
  RecordedNotification,
  NotificationTemplate,
  Recipient,
} from './notification';
import { NotificationChannel } from './notification-channel';
import { safeErrorMessage, UndeliverableNotificationError } from './notification.errors';

export const NOTIFICATION_MAX_ATTEMPTS = 10;
const BATCH_SIZE = 20;
const MAX_BATCHES_PER_RUN = 50;
/** A claimed row is invisible this long; a process that died mid-delivery loses it then. */
const LEASE_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Wait before the next attempt, after `attempts` failed ones: 30 s, 1 min, 2 min... up to 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
}

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

interface ClaimFilter {
  clientId?: string;
  ids?: string[];
}

interface NotificationRow {
  id: string;
  client_id: string;
  case_id: string | null;
  recipient_kind: Recipient['kind'];
  recipient_id: string;
  channel: DeliveryChannel;
  template: NotificationTemplate;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  event_key: string;
}

/** Hands due PENDING notifications to the channel and records the outcome on each row. */
@Injectable()
export class NotificationDispatcher implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly channel: NotificationChannel,
  ) {}

  /** Delivers every due notification (of every tenant, or of one), in bounded batches. */
  async dispatchDue(scope: { clientId?: string } = {}): Promise<DispatchResult> {
    const result = await this.dispatch({ clientId: scope.clientId });
    if (result.sent + result.retrying + result.failed > 0) {
      this.logger.log({ ...result }, 'due notifications dispatched');
    }
    return result;
  }

  /** Starts delivering just-committed notifications without holding up the caller. */
  dispatchSoon(ids: string[]): void {
    const run: Promise<unknown> = this.dispatch({ ids })
      .catch((error) => this.logger.error({ err: error }, 'notification dispatch failed'))
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Resolves once every delivery started by `dispatchSoon` has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  onModuleDestroy(): Promise<void> {
    return this.settled();
  }

  private async dispatch(filter: ClaimFilter): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await this.claim(filter);
      const outcomes = await Promise.all(claimed.map((n) => this.deliver(n)));
      for (const outcome of outcomes) result[outcome]++;
      if (claimed.length < BATCH_SIZE) break;
    }
    return result;
  }

  /**
   * Takes a batch out of the due set by pushing it a lease into the future, in one statement;
   * SKIP LOCKED lets replicas polling together each take different rows.
   */
  private async claim(filter: ClaimFilter): Promise<RecordedNotification[]> {
    const now = this.clock.now();
    const rows = await this.tx.query<NotificationRow>(
      `UPDATE notifications n SET attempts = n.attempts + 1, next_attempt_at = $2
        WHERE n.id IN (
          SELECT id FROM notifications
           WHERE status = 'PENDING' AND next_attempt_at <= $1
             AND ($3::text IS NULL OR client_id = $3) AND ($4::uuid[] IS NULL OR id = ANY($4))
           ORDER BY next_attempt_at
           LIMIT ${BATCH_SIZE}
           FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.client_id, n.case_id, n.recipient_kind, n.recipient_id, n.channel,
                  n.template, n.payload, n.attempts, n.created_at, n.event_key`,
      [now, new Date(now.getTime() + LEASE_MS), filter.clientId ?? null, filter.ids ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      caseId: r.case_id,
      recipient: { kind: r.recipient_kind, id: r.recipient_id },
      channel: r.channel,
      template: r.template,
      payload: r.payload,
      attempts: r.attempts,
      createdAt: r.created_at,
      eventKey: r.event_key,
    }));
  }

  private async deliver(n: RecordedNotification): Promise<keyof DispatchResult> {
    let note: string | undefined;
    try {
      note = (await this.channel.deliver(n)).note;
    } catch (error) {
      return this.recordFailure(n, error);
    }
    // Only the holder of the current claim (same attempt count) may finish the row.
    await this.tx.query(
      `UPDATE notifications SET status = 'SENT', sent_at = $4, note = $5
        WHERE id = $1 AND client_id = $2 AND attempts = $3 AND status = 'PENDING'`,
      [n.id, n.clientId, n.attempts, this.clock.now(), note ?? null],
    );
    return 'sent';
  }

  private async recordFailure(
    n: RecordedNotification,
    error: unknown,
  ): Promise<keyof DispatchResult> {
    const message = safeErrorMessage(error);
    const failed =
      error instanceof UndeliverableNotificationError || n.attempts >= NOTIFICATION_MAX_ATTEMPTS;
    const next = new Date(this.clock.now().getTime() + retryDelayMs(n.attempts));
    await this.tx.query(
      `UPDATE notifications SET status = $4, next_attempt_at = $5, last_error = $6
        WHERE id = $1 AND client_id = $2 AND attempts = $3 AND status = 'PENDING'`,
      [n.id, n.clientId, n.attempts, failed ? 'FAILED' : 'PENDING', next, message],
    );
    this.logger.warn(
      { notificationId: n.id, clientId: n.clientId, attempts: n.attempts, error: message, failed },
      'notification delivery failed',
    );
    return failed ? 'failed' : 'retrying';
  }
}
