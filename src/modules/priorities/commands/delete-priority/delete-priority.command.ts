import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class DeletePriorityCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly priorityId: string,
  ) {
    super();
  }
}
