import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { PriorityInput } from '../../domain/priority';

export class CreatePriorityCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: PriorityInput,
  ) {
    super();
  }
}
