import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { Clock } from '../../time/clock';
import { assertQueueMessages, MessageQueue, QueueMessage } from '../message-queue';
import { QueueSettings } from '../queue.settings';

/** Inserts the messages in the caller's transaction; a messageId already queued is skipped. */
@Injectable()
export class EmbeddedMessageQueue extends MessageQueue {
  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly settings: QueueSettings,
  ) {
    super();
  }

  async enqueue(messages: QueueMessage[]): Promise<void> {
    if (messages.length === 0) return;
    assertQueueMessages(messages);
    await this.tx.query(
      `INSERT INTO queue_messages (queue, message_id, body, available_at, created_at)
       SELECT $1, m.message_id, m.body::jsonb, $2, $2
         FROM unnest($3::text[], $4::text[]) AS m(message_id, body)
       ON CONFLICT (queue, message_id) DO NOTHING`,
      [
        this.settings.queueName,
        this.clock.now(),
        messages.map((m) => m.messageId),
        messages.map((m) => JSON.stringify(m)),
      ],
    );
  }
}
