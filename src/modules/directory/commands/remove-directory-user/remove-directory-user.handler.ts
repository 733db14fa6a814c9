import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Directory } from '../../../../shared/directory/directory';
import { DirectoryUserNotFoundError } from '../../directory.errors';
import { RemoveDirectoryUserCommand } from './remove-directory-user.command';

/** Removes the user from the directory; their inbox stays (it belongs to the token's user). */
@CommandHandler(RemoveDirectoryUserCommand)
export class RemoveDirectoryUserHandler implements ICommandHandler<RemoveDirectoryUserCommand> {
  constructor(private readonly directory: Directory) {}

  async execute({ actor, userId }: RemoveDirectoryUserCommand): Promise<void> {
    if (!(await this.directory.removeUser(actor.clientId, userId))) {
      throw new DirectoryUserNotFoundError();
    }
  }
}
