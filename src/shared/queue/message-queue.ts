/**
 * One message on the queue; the format is public (API.md), so external schedulers can produce it.
 * `type` selects the handler, `messageId` deduplicates, `clientId` is the tenant.
 */
export interface QueueMessage {
  type: string;
  version: number;
  messageId: string;
  clientId: string;
  [key: string]: unknown;
}

const MAX_MESSAGE_ID_LENGTH = 200;

/** Why `value` is not a queue message envelope, or null when it is one. */
export function queueMessageProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'the message is not a JSON object';
  }
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || m.type === '') return 'type must be a non-empty string';
  if (!Number.isInteger(m.version) || (m.version as number) < 1) {
    return 'version must be a positive integer';
  }
  if (
    typeof m.messageId !== 'string' ||
    m.messageId === '' ||
    m.messageId.length > MAX_MESSAGE_ID_LENGTH
  ) {
    return `messageId must be a string of 1 to ${MAX_MESSAGE_ID_LENGTH} characters`;
  }
  if (typeof m.clientId !== 'string' || m.clientId === '') {
    return 'clientId must be a non-empty string';
  }
  return null;
}

/** Rejects a malformed message at the producer: that is a bug, not a message to dead-letter. */
export function assertQueueMessages(messages: QueueMessage[]): void {
  for (const message of messages) {
    const problem = queueMessageProblem(message);
    if (problem) throw new Error(`invalid queue message: ${problem}`);
  }
}

/**
 * The queue port (also the DI token). `enqueue` is transactional with the caller: inside
 * `TransactionManager.run` the messages commit or roll back with the caller's rows. Delivery is at
 * least once; a `messageId` already waiting on the queue is not enqueued again.
 */
export abstract class MessageQueue {
  abstract enqueue(messages: QueueMessage[]): Promise<void>;
}
