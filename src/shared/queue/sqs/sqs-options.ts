import { SqsModule } from '@ssut/nestjs-sqs';
import { QueueSettings } from '../queue.settings';
import { SqsConnection } from './sqs-connection';

/** The @ssut/nestjs-sqs name of the one queue this service produces to and consumes. */
export const SQS_QUEUE = 'case-management';

const LONG_POLL_SECONDS = 20;

type SqsOptions = Parameters<typeof SqsModule.register>[0];

/**
 * Nothing for the embedded driver. For SQS: a producer (used by the outbox relay) and, when this
 * instance consumes (`QUEUE_CONSUMERS_ENABLED`), a consumer; a failed message is not deleted and comes back
 * after the visibility timeout, and the queue's redrive policy moves it to the DLQ after
 * maxReceiveCount receives (`QUEUE_MAX_ATTEMPTS` does not apply to SQS).
 */
export function sqsOptions(settings: QueueSettings, connection: SqsConnection): SqsOptions {
  if (settings.driver !== 'sqs') return {};
  const queue = { name: SQS_QUEUE, queueUrl: connection.queueUrl, sqs: connection.client };
  const consumer = {
    ...queue,
    batchSize: settings.batchSize,
    visibilityTimeout: settings.visibilityTimeoutSeconds,
    waitTimeSeconds: LONG_POLL_SECONDS,
  };
  return {
    producers: [queue],
    consumers: settings.consume ? [consumer] : [],
    globalStopOptions: { abort: true },
  };
}
