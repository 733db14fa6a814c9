import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { DirectoryUser, DirectoryUserChanges } from '../../../../shared/directory/directory';

export class SaveDirectoryUserCommand extends Command<DirectoryUser> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
    readonly changes: DirectoryUserChanges,
  ) {
    super();
  }
}
