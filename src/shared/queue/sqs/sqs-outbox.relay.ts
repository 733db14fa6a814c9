import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SqsService } from '@ssut/nestjs-sqs';
import { TransactionManager } from '../../database/transaction-manager';
import { Clock } from '../../time/clock';
import { PollingLoop } from '../polling-loop';
import { QueueSettings } from '../queue.settings';
import { SQS_QUEUE } from './sqs-options';

const SQS_BATCH_LIMIT = 10;

interface OutboxRow {
  id: string;
  body: Record<string, unknown>;
}

/**
 * Sends `queue_outbox` rows to SQS after the enqueuing transaction commits, and on a poll for rows
 * a crash or an SQS outage left behind. A batch is claimed (SKIP LOCKED, `locked_until`) so
 * replicas never send the same row concurrently; a batch that failed stays claimed until
 * `locked_until`, which is its backoff. A crash after sending and before marking sends again:
 * consumers are idempotent.
 */
@Injectable()
export class SqsOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SqsOutboxRelay.name);
  private readonly loop: PollingLoop;

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly sqs: SqsService,
    private readonly settings: QueueSettings,
  ) {
    this.loop = new PollingLoop(this.logger, settings.pollIntervalMs, async () => {
      await this.flush();
      return false;
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.driver === 'sqs' && this.settings.pollIntervalMs > 0) this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends every unsent row it can claim; returns how many were sent. */
  async flush(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return sent;
      const delivered = await this.send(batch);
      sent += delivered;
      if (delivered < batch.length) return sent;
    }
  }

  private async claim(): Promise<OutboxRow[]> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + this.settings.visibilityTimeoutSeconds * 1000);
    return this.tx.query<OutboxRow>(
      `UPDATE queue_outbox o SET attempts = o.attempts + 1, locked_until = $3
         FROM (SELECT id FROM queue_outbox
                WHERE queue = $1 AND sent_at IS NULL AND (locked_until IS NULL OR locked_until <= $2)
                ORDER BY id
                LIMIT $4
                FOR UPDATE SKIP LOCKED) c
        WHERE o.id = c.id
       RETURNING o.id, o.body`,
      [this.settings.sqsQueueUrl, now, lockedUntil, SQS_BATCH_LIMIT],
    );
  }

  private async send(batch: OutboxRow[]): Promise<number> {
    const entryId = (row: OutboxRow) => `m${row.id}`;
    let failed = new Set<string>();
    try {
      await this.sqs.send(
        SQS_QUEUE,
        batch.map((row) => ({ id: entryId(row), body: row.body })),
      );
    } catch (error) {
      failed = failedEntries(error) ?? new Set(batch.map(entryId));
      this.logger.warn({ err: error, failed: failed.size }, 'SQS send failed; will retry');
      await this.tx.query(`UPDATE queue_outbox SET last_error = $2 WHERE id = ANY($1::bigint[])`, [
        batch.filter((row) => failed.has(entryId(row))).map((row) => row.id),
        error instanceof Error ? error.message : String(error),
      ]);
    }
    const sent = batch.filter((row) => !failed.has(entryId(row))).map((row) => row.id);
    if (sent.length > 0) {
      await this.tx.query(
        `UPDATE queue_outbox SET sent_at = $2, locked_until = NULL WHERE id = ANY($1::bigint[])`,
        [sent, this.clock.now()],
      );
    }
    return sent.length;
  }
}

/** sqs-producer's FailedMessagesError lists the batch entries SQS refused; the rest were sent. */
function failedEntries(error: unknown): Set<string> | undefined {
  const failed = (error as { failedMessages?: unknown }).failedMessages;
  return Array.isArray(failed) ? new Set(failed as string[]) : undefined;
}
