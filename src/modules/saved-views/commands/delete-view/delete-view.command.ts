import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class DeleteViewCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly viewId: string,
  ) {
    super();
  }
}
