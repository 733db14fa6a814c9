import { QueueConfig } from '../../config/configuration';

const EMBEDDED_QUEUE = 'case-management';
const MAX_RETRY_DELAY_SECONDS = 3600;

/** What both drivers need from the `queue` configuration (tests override this token). */
export class QueueSettings {
  driver: 'embedded' | 'sqs';
  /** The embedded queue's name in `queue_messages.queue`. */
  queueName: string;
  sqsQueueUrl?: string;
  sqsEndpoint?: string;
  region: string;
  /** Run the in-process consumer (`QUEUE_CONSUMERS_ENABLED`, not `JOBS_ENABLED`). */
  consume: boolean;
  /** Background polling of the embedded consumer and the SQS outbox relay; 0 turns it off. */
  pollIntervalMs: number;
  batchSize: number;
  visibilityTimeoutSeconds: number;
  maxAttempts: number;
  retryBaseSeconds: number;

  static from(queue: QueueConfig): QueueSettings {
    return {
      driver: queue.driver,
      queueName: EMBEDDED_QUEUE,
      sqsQueueUrl: queue.sqsQueueUrl,
      sqsEndpoint: queue.sqsEndpoint,
      region: queue.region,
      consume: queue.consumersEnabled,
      pollIntervalMs: queue.pollIntervalMs,
      batchSize: queue.batchSize,
      visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
      maxAttempts: queue.maxAttempts,
      retryBaseSeconds: queue.retryBaseSeconds,
    };
  }
}

/** Exponential backoff after the `attempt`-th failed delivery: base, 2·base, 4·base, … capped at 1 h. */
export function retryDelayMs(settings: QueueSettings, attempt: number): number {
  const seconds = settings.retryBaseSeconds * 2 ** Math.max(0, attempt - 1);
  return Math.min(seconds, MAX_RETRY_DELAY_SECONDS) * 1000;
}
