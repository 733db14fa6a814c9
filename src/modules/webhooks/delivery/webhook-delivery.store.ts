import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';

export interface ClaimedWebhookDelivery {
  id: string;
  clientId: string;
  webhookId: string;
  eventId: string;
  body: string;
  attempts: number;
  lease: Date;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

export interface WebhookFailure {
  delivery: ClaimedWebhookDelivery;
  status?: number;
  error: string;
  retryAt: Date;
}

/** The dispatcher's SQL: claims of lane heads, outcomes, the purge. */
@Injectable()
export class WebhookDeliveryStore {
  constructor(private readonly tx: TransactionManager) {}

  /**
   * Claims due deliveries of active endpoints that head their lane (the endpoint and the case):
   * none of that lane with a smaller sequence is still pending. A claim stays pending until its
   * outcome is written, so no dispatcher takes the next event of that case for that endpoint
   * meanwhile (per-case order across replicas); SKIP LOCKED spreads the rest.
   */
  claim(
    now: Date,
    lease: Date,
    limit: number,
    clientId?: string,
  ): Promise<ClaimedWebhookDelivery[]> {
    return this.tx.query<ClaimedWebhookDelivery>(
      `UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = $2, last_attempt_at = $1
         FROM (SELECT h.id FROM webhook_deliveries h
                 JOIN webhooks a ON a.id = h.webhook_id AND a.active
                WHERE h.status = 'pending' AND h.next_attempt_at <= $1
                  AND ($4::text IS NULL OR h.client_id = $4)
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                   WHERE e.webhook_id = h.webhook_id AND e.lane = h.lane
                                     AND e.status = 'pending' AND e.seq < h.seq)
                ORDER BY h.next_attempt_at, h.id
                LIMIT $3
                  FOR UPDATE OF h SKIP LOCKED) c,
              webhooks w
        WHERE d.id = c.id AND w.id = d.webhook_id
       RETURNING d.id, d.client_id AS "clientId", d.webhook_id AS "webhookId",
                 d.event_id AS "eventId", d.body, d.attempts, d.next_attempt_at AS lease, w.url,
                 w.secret, w.previous_secret AS "previousSecret",
                 w.previous_secret_until AS "previousSecretUntil"`,
      [now, lease, limit, clientId ?? null],
    );
  }

  /** Records the successes (only claims this dispatcher still holds) and clears the failure runs. */
  async succeeded(done: { delivery: ClaimedWebhookDelivery; status: number }[], now: Date) {
    if (done.length === 0) return;
    await this.tx.run(() => this.markSucceeded(done, now));
  }

  /** Not flushed at once: losing it in a crash only sends those deliveries again (same id). */
  private async markSucceeded(
    done: { delivery: ClaimedWebhookDelivery; status: number }[],
    now: Date,
  ) {
    await this.tx.query(`SET LOCAL synchronous_commit TO OFF`);
    await this.tx.query(
      `UPDATE webhook_deliveries d
          SET status = 'succeeded', last_response_code = s.status, last_error = NULL,
              next_attempt_at = NULL, finished_at = $4
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[]) AS s(id, lease, status)
        WHERE d.id = s.id AND d.next_attempt_at = s.lease AND d.status = 'pending'`,
      [
        done.map((d) => d.delivery.id),
        done.map((d) => d.delivery.lease),
        done.map((d) => d.status),
        now,
      ],
    );
    await this.tx.query(
      `UPDATE webhooks SET failing_since = NULL, consecutive_failures = 0
        WHERE id = ANY($1::uuid[]) AND consecutive_failures > 0`,
      [[...new Set(done.map((d) => d.delivery.webhookId))]],
    );
  }

  /**
   * Puts failed claims back at their retry time and counts the endpoint's failure run; returns
   * the endpoints whose run is now long enough (`failures` attempts over `disableAfterMs`) to
   * disable.
   */
  failed(failures: WebhookFailure[], now: Date, threshold: number, disableAfterMs: number) {
    return this.tx.run(async () => {
      for (const f of failures) {
        await this.tx.query(
          `UPDATE webhook_deliveries SET next_attempt_at = $3, last_response_code = $4,
                  last_error = $5
            WHERE id = $1 AND next_attempt_at = $2 AND status = 'pending'`,
          [f.delivery.id, f.delivery.lease, f.retryAt, f.status ?? null, f.error],
        );
      }
      const ids = [...new Set(failures.map((f) => f.delivery.webhookId))];
      if (ids.length === 0) return [];
      return this.tx.query<{ id: string; clientId: string; url: string; failingSince: Date }>(
        `WITH counted AS (
           UPDATE webhooks w SET failing_since = COALESCE(w.failing_since, $2),
                  consecutive_failures = w.consecutive_failures + f.n
             FROM (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id) f
            WHERE w.id = f.id
           RETURNING w.id, w.client_id, w.url, w.failing_since, w.consecutive_failures, w.active)
         SELECT id, client_id AS "clientId", url, failing_since AS "failingSince" FROM counted
          WHERE active AND consecutive_failures >= $3 AND failing_since <= $4`,
        [
          failures.map((f) => f.delivery.webhookId),
          now,
          threshold,
          new Date(now.getTime() - disableAfterMs),
        ],
      );
    });
  }

  /** Disables an endpoint and gives up its pending deliveries; false if another did it first. */
  async disable(webhookId: string, now: Date): Promise<boolean> {
    const { affected } = await this.tx.execute(
      `UPDATE webhooks SET active = false, disabled_at = $2, updated_at = $2
        WHERE id = $1 AND active`,
      [webhookId, now],
    );
    if (affected === 0) return false;
    await this.tx.query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, finished_at = $2
        WHERE webhook_id = $1 AND status = 'pending'`,
      [webhookId, now],
    );
    return true;
  }

  /** Deletes feed entries and finished deliveries older than `cutoff`. */
  async purge(cutoff: Date): Promise<number> {
    const feed = await this.tx.execute(`DELETE FROM event_feed WHERE appended_at < $1`, [cutoff]);
    const deliveries = await this.tx.execute(
      `DELETE FROM webhook_deliveries WHERE status <> 'pending' AND finished_at < $1`,
      [cutoff],
    );
    return feed.affected + deliveries.affected;
  }
}
