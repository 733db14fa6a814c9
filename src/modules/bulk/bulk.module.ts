import { Module } from '@nestjs/common';
import { RunBulkActionHandler } from './commands/run-bulk-action/run-bulk-action.handler';
import { BulkController } from './http/bulk.controller';

const controllers = [BulkController];
const commandHandlers = [RunBulkActionHandler];

/** One action on many cases, through the case module's own commands. */
@Module({ controllers, providers: [...commandHandlers] })
export class BulkModule {}
