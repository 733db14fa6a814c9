import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class DeleteProcessCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly processId: string,
  ) {
    super();
  }
}
