import { Message, SendMessageCommand } from '@aws-sdk/client-sqs';
import { Injectable, Logger } from '@nestjs/common';
import { SqsConsumerEventHandler, SqsMessageHandler } from '@ssut/nestjs-sqs';
import { TransactionManager } from '../../database/transaction-manager';
import { Clock } from '../../time/clock';
import { QueueHandlerRegistry } from '../queue-handler.registry';
import { PoisonMessageError } from '../queue.errors';
import { SqsConnection } from './sqs-connection';
import { SQS_QUEUE } from './sqs-options';

/**
 * Hands SQS messages to the registered handlers. A handler failure is rethrown: the message is not
 * deleted, comes back after the visibility timeout, and the redrive policy dead-letters it after
 * maxReceiveCount receives. A poison message is never retried: it is sent straight to the redrive
 * policy's DLQ (or, for a queue without one, recorded in `queue_dead_letters`) and acknowledged.
 */
@Injectable()
export class SqsQueueConsumer {
  private readonly logger = new Logger(SqsQueueConsumer.name);

  constructor(
    private readonly handlers: QueueHandlerRegistry,
    private readonly connection: SqsConnection,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  @SqsMessageHandler(SQS_QUEUE, false)
  async handleMessage(message: Message): Promise<void> {
    try {
      await this.handlers.dispatch(message.Body ?? '');
    } catch (error) {
      if (!(error instanceof PoisonMessageError)) throw error;
      await this.deadLetter(message, error.message);
    }
  }

  @SqsConsumerEventHandler(SQS_QUEUE, 'processing_error')
  onProcessingError(error: Error, message: Message): void {
    this.logger.warn(
      { err: error, sqsMessageId: message.MessageId },
      'queue message failed; SQS redelivers it after the visibility timeout',
    );
  }

  @SqsConsumerEventHandler(SQS_QUEUE, 'error')
  onError(error: Error & { code?: string }): void {
    // Stopping the consumer aborts its long poll: not an error.
    if (error.code === 'AbortError') return;
    this.logger.error({ err: error }, 'SQS consumer error');
  }

  private async deadLetter(message: Message, reason: string): Promise<void> {
    const body = message.Body || '(empty)';
    const deadLetterQueue = await this.connection.deadLetterQueueUrl();
    if (deadLetterQueue) {
      await this.connection.client.send(
        new SendMessageCommand({
          QueueUrl: deadLetterQueue,
          MessageBody: body,
          MessageAttributes: { reason: { DataType: 'String', StringValue: reason } },
        }),
      );
    } else {
      await this.tx.query(
        `INSERT INTO queue_dead_letters (queue, body, reason, attempts, last_error, dead_at)
         VALUES ($1, $2, 'poison', 1, $3, $4)`,
        [this.connection.queueUrl, body, reason, this.clock.now()],
      );
    }
    this.logger.error(
      { sqsMessageId: message.MessageId, reason, deadLetterQueue: deadLetterQueue ?? 'local' },
      'poison queue message dead-lettered',
    );
  }
}
