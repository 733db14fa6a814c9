import { Injectable, Logger } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { Clock } from '../../time/clock';
import { assertQueueMessages, MessageQueue, QueueMessage } from '../message-queue';
import { QueueSettings } from '../queue.settings';
import { SqsOutboxRelay } from './sqs-outbox.relay';

/**
 * Writes the messages to `queue_outbox` in the caller's transaction, so "decided" and "will be
 * sent" commit together; the relay sends them once that transaction has committed.
 */
@Injectable()
export class SqsMessageQueue extends MessageQueue {
  private readonly logger = new Logger(SqsMessageQueue.name);

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly relay: SqsOutboxRelay,
    private readonly settings: QueueSettings,
  ) {
    super();
  }

  async enqueue(messages: QueueMessage[]): Promise<void> {
    if (messages.length === 0) return;
    assertQueueMessages(messages);
    await this.tx.query(
      `INSERT INTO queue_outbox (queue, message_id, body, created_at)
       SELECT $1, m.message_id, m.body::jsonb, $2
         FROM unnest($3::text[], $4::text[]) AS m(message_id, body)
       ON CONFLICT (queue, message_id) DO NOTHING`,
      [
        this.settings.sqsQueueUrl,
        this.clock.now(),
        messages.map((m) => m.messageId),
        messages.map((m) => JSON.stringify(m)),
      ],
    );
    if (this.tx.inTransaction) this.tx.afterCommit(() => this.sendNow());
    else await this.sendNow();
  }

  /** Best effort: whatever is not sent now stays in the outbox for the relay's poll. */
  private async sendNow(): Promise<void> {
    await this.relay
      .flush()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay failed'));
  }
}
