import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class RemoveDirectoryUserCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
