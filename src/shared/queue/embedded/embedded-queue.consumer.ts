import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { Clock } from '../../time/clock';
import { PollingLoop } from '../polling-loop';
import { QueueHandlerRegistry } from '../queue-handler.registry';
import { PoisonMessageError } from '../queue.errors';
import { QueueSettings, retryDelayMs } from '../queue.settings';

export interface ClaimedMessage {
  id: string;
  messageId: string;
  body: unknown;
  /** Deliveries so far, this one included. */
  attempts: number;
  /** The claim: only its holder may ack, retry or dead-letter the message. */
  lockedUntil: Date;
}

export type DeliveryOutcome = 'acked' | 'retried' | 'dead-lettered' | 'stale';
type DeadLetterReason = 'poison' | 'failed' | 'abandoned';

const MAX_ERROR_LENGTH = 2000;

/**
 * Consumes the embedded queue. A claim (one short statement, FOR UPDATE SKIP LOCKED so replicas
 * never claim the same row) hides a batch until `now + visibilityTimeout`; a consumer that dies
 * mid-batch loses nothing, the rows simply become visible again. Each message is then handled in
 * its own transaction that first deletes the row (the ack): the handler's writes and the ack
 * commit together, and a claim that expired and was taken over by another consumer deletes
 * nothing, so the handler is not run twice.
 */
@Injectable()
export class EmbeddedQueueConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EmbeddedQueueConsumer.name);
  private readonly loop: PollingLoop;

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly handlers: QueueHandlerRegistry,
    private readonly settings: QueueSettings,
  ) {
    this.loop = new PollingLoop(
      this.logger,
      settings.pollIntervalMs,
      async () => (await this.pollOnce()) === settings.batchSize,
    );
  }

  onApplicationBootstrap(): void {
    const { driver, consume, pollIntervalMs } = this.settings;
    if (driver === 'embedded' && consume && pollIntervalMs > 0) this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims one batch and delivers it; returns how many messages were claimed. */
  async pollOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const message of claimed) await this.deliver(message);
    return claimed.length;
  }

  /** Polls until nothing is visible at the clock's "now"; returns how many messages were claimed. */
  async drain(): Promise<number> {
    let total = 0;
    for (let claimed = await this.pollOnce(); claimed > 0; claimed = await this.pollOnce()) {
      total += claimed;
    }
    return total;
  }

  async claim(limit = this.settings.batchSize): Promise<ClaimedMessage[]> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + this.settings.visibilityTimeoutSeconds * 1000);
    const rows = await this.tx.query<{
      id: string;
      message_id: string;
      body: unknown;
      attempts: number;
      locked_until: Date;
    }>(
      `UPDATE queue_messages m
          SET attempts = m.attempts + 1, locked_until = $3, available_at = $3
         FROM (SELECT id FROM queue_messages
                WHERE queue = $1 AND available_at <= $2
                ORDER BY available_at, id
                LIMIT $4
                FOR UPDATE SKIP LOCKED) c
        WHERE m.id = c.id
       RETURNING m.id, m.message_id, m.body, m.attempts, m.locked_until`,
      [this.settings.queueName, now, lockedUntil, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      messageId: r.message_id,
      body: r.body,
      attempts: r.attempts,
      lockedUntil: r.locked_until,
    }));
  }

  async deliver(message: ClaimedMessage): Promise<DeliveryOutcome> {
    const { maxAttempts } = this.settings;
    if (message.attempts > maxAttempts) {
      const why = `claimed ${maxAttempts} times without an outcome (consumer died or timed out)`;
      return this.deadLetter(message, 'abandoned', why);
    }
    try {
      const acked = await this.tx.run(async () => {
        const { affected } = await this.tx.execute(
          `DELETE FROM queue_messages WHERE id = $1 AND locked_until = $2`,
          [message.id, message.lockedUntil],
        );
        if (affected === 0) return false;
        await this.handlers.dispatch(message.body);
        return true;
      });
      return acked ? 'acked' : 'stale';
    } catch (error) {
      const why = errorText(error);
      if (error instanceof PoisonMessageError) return this.deadLetter(message, 'poison', why);
      if (message.attempts >= maxAttempts) return this.deadLetter(message, 'failed', why);
      return this.retry(message, why);
    }
  }

  private async retry(message: ClaimedMessage, why: string): Promise<DeliveryOutcome> {
    const availableAt = new Date(
      this.clock.now().getTime() + retryDelayMs(this.settings, message.attempts),
    );
    const { affected } = await this.tx.execute(
      `UPDATE queue_messages SET available_at = $3, locked_until = NULL, last_error = $4
        WHERE id = $1 AND locked_until = $2`,
      [message.id, message.lockedUntil, availableAt, why],
    );
    if (affected === 0) return 'stale';
    this.logger.warn(
      { messageId: message.messageId, attempt: message.attempts, availableAt, error: why },
      'queue message failed; retrying later',
    );
    return 'retried';
  }

  private async deadLetter(
    message: ClaimedMessage,
    reason: DeadLetterReason,
    why: string,
  ): Promise<DeliveryOutcome> {
    const moved = await this.tx.query(
      `WITH moved AS (
         DELETE FROM queue_messages WHERE id = $1 AND locked_until = $2
         RETURNING queue, message_id, body, attempts, created_at
       )
       INSERT INTO queue_dead_letters
         (queue, message_id, body, reason, attempts, last_error, enqueued_at, dead_at)
       SELECT queue, message_id, body::text, $3, attempts, $4, created_at, $5 FROM moved
       RETURNING id`,
      [message.id, message.lockedUntil, reason, why, this.clock.now()],
    );
    if (moved.length === 0) return 'stale';
    this.logger.error(
      { messageId: message.messageId, attempts: message.attempts, reason, error: why },
      'queue message dead-lettered',
    );
    return 'dead-lettered';
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
