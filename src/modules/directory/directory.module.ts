import { Global, Module } from '@nestjs/common';
import { Directory } from '../../shared/directory/directory';
import { RemoveDirectoryUserHandler } from './commands/remove-directory-user/remove-directory-user.handler';
import { SaveDirectoryUserHandler } from './commands/save-directory-user/save-directory-user.handler';
import { DirectoryController } from './http/directory.controller';
import { SqlDirectory } from './infrastructure/directory.sql';

const controllers = [DirectoryController];
const commandHandlers = [SaveDirectoryUserHandler, RemoveDirectoryUserHandler];

/** Global: authentication (groups) and notification delivery (recipients) read the directory. */
@Global()
@Module({
  controllers,
  providers: [...commandHandlers, { provide: Directory, useClass: SqlDirectory }],
  exports: [Directory],
})
export class DirectoryModule {}
