import { Global, Module } from '@nestjs/common';
import { SqsModule } from '@ssut/nestjs-sqs';
import { QueueConfig, queueConfig } from '../../config/configuration';
import { EmbeddedMessageQueue } from './embedded/embedded-message-queue';
import { EmbeddedQueueConsumer } from './embedded/embedded-queue.consumer';
import { MessageQueue } from './message-queue';
import { QueueHandlerRegistry } from './queue-handler.registry';
import { QueueSettings } from './queue.settings';
import { SqsConnection } from './sqs/sqs-connection';
import { SqsMessageQueue } from './sqs/sqs-message-queue';
import { sqsOptions } from './sqs/sqs-options';
import { SqsOutboxRelay } from './sqs/sqs-outbox.relay';
import { SqsQueueConsumer } from './sqs/sqs-queue.consumer';

@Module({
  providers: [
    {
      provide: QueueSettings,
      inject: [queueConfig.KEY],
      useFactory: (queue: QueueConfig) => QueueSettings.from(queue),
    },
    SqsConnection,
  ],
  exports: [QueueSettings, SqsConnection],
})
class QueueSettingsModule {}

/**
 * The queue port, its adapter chosen by QUEUE_DRIVER (`embedded` | `sqs`), and the handler
 * registry. Both adapters are always built (they are inert unless chosen), which keeps the module
 * static; only the chosen one enqueues, polls or consumes.
 */
@Global()
@Module({
  imports: [
    QueueSettingsModule,
    SqsModule.registerAsync({
      imports: [QueueSettingsModule],
      inject: [QueueSettings, SqsConnection],
      useFactory: sqsOptions,
    }),
  ],
  providers: [
    QueueHandlerRegistry,
    EmbeddedMessageQueue,
    EmbeddedQueueConsumer,
    SqsMessageQueue,
    SqsOutboxRelay,
    SqsQueueConsumer,
    {
      provide: MessageQueue,
      inject: [QueueSettings, EmbeddedMessageQueue, SqsMessageQueue],
      useFactory: (settings: QueueSettings, embedded: MessageQueue, sqs: MessageQueue) =>
        settings.driver === 'sqs' ? sqs : embedded,
    },
  ],
  exports: [MessageQueue, QueueHandlerRegistry, EmbeddedQueueConsumer, SqsOutboxRelay],
})
export class QueueModule {}
