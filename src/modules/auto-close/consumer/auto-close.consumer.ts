import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Actor } from '../../../shared/auth/actor';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { QueueMessage } from '../../../shared/queue/message-queue';
import { QueueHandlerRegistry } from '../../../shared/queue/queue-handler.registry';
import { PoisonMessageError } from '../../../shared/queue/queue.errors';
import { CompleteCaseCommand } from '../../cases';
import { AUTO_CLOSE_MESSAGE_TYPE, parseAutoCloseMessage } from '../domain/auto-close-message';

/**
 * Completes an auto-close message's case as the system actor, through the Complete command, which
 * changes nothing unless the case is still RESOLVED by that resolution (a repeated or stale
 * message is acknowledged as is). A case the tenant does not have is poison.
 */
@Injectable()
export class AutoCloseConsumer implements OnModuleInit {
  constructor(
    private readonly handlers: QueueHandlerRegistry,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.handlers.register(AUTO_CLOSE_MESSAGE_TYPE, (message) => this.handle(message));
  }

  async handle(message: QueueMessage): Promise<void> {
    const { clientId, caseId, resolutionDate: at } = parseAutoCloseMessage(message);
    const complete = new CompleteCaseCommand(Actor.system(clientId), { id: caseId }, {}, at);
    await this.commands.execute(complete).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.CaseNotFound) {
        throw new PoisonMessageError(`case ${caseId} not found in tenant ${clientId}`);
      }
      throw error;
    });
  }
}
