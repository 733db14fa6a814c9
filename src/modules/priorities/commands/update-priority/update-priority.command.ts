import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { PriorityInput } from '../../domain/priority';

export class UpdatePriorityCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly priorityId: string,
    readonly changes: Partial<PriorityInput>,
  ) {
    super();
  }
}
