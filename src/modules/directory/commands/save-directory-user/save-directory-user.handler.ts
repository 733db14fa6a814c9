import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Directory, DirectoryUser } from '../../../../shared/directory/directory';
import { Clock } from '../../../../shared/time/clock';
import { SaveDirectoryUserCommand } from './save-directory-user.command';

@CommandHandler(SaveDirectoryUserCommand)
export class SaveDirectoryUserHandler implements ICommandHandler<SaveDirectoryUserCommand> {
  constructor(
    private readonly directory: Directory,
    private readonly clock: Clock,
  ) {}

  execute({ actor, userId, changes }: SaveDirectoryUserCommand): Promise<DirectoryUser> {
    return this.directory.saveUser(actor.clientId, userId, changes, this.clock.now());
  }
}
