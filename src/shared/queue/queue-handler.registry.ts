import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QueueMessage, queueMessageProblem } from './message-queue';
import { PoisonMessageError } from './queue.errors';

export type QueueMessageHandler = (message: QueueMessage) => Promise<void>;

/**
 * Handlers by message type, shared by both drivers. Consumers register in `onModuleInit`;
 * dispatching waits for the application to finish bootstrapping, so a message received early (the
 * SQS consumer starts in its own module's init) is never judged "unknown type" before every
 * handler is registered.
 */
@Injectable()
export class QueueHandlerRegistry implements OnApplicationBootstrap {
  private readonly handlers = new Map<string, QueueMessageHandler>();
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  register(type: string, handler: QueueMessageHandler): void {
    if (this.handlers.has(type))
      throw new Error(`a queue handler for ${type} is already registered`);
    this.handlers.set(type, handler);
  }

  onApplicationBootstrap(): void {
    this.markReady();
  }

  /** Parses `body` (JSON text or a parsed object) and runs its handler; poison throws PoisonMessageError. */
  async dispatch(body: unknown): Promise<QueueMessage> {
    await this.ready;
    const message = this.parse(body);
    const handler = this.handlers.get(message.type);
    if (!handler) throw new PoisonMessageError(`no handler for message type ${message.type}`);
    await handler(message);
    return message;
  }

  private parse(body: unknown): QueueMessage {
    let value = body;
    if (typeof body === 'string') {
      try {
        value = JSON.parse(body);
      } catch {
        throw new PoisonMessageError('the message body is not JSON');
      }
    }
    const problem = queueMessageProblem(value);
    if (problem) throw new PoisonMessageError(problem);
    return value as QueueMessage;
  }
}
