import { Module } from '@nestjs/common';
import { CreatePriorityHandler } from './commands/create-priority/create-priority.handler';
import { DeletePriorityHandler } from './commands/delete-priority/delete-priority.handler';
import { UpdatePriorityHandler } from './commands/update-priority/update-priority.handler';
import { PriorityRepository } from './domain/priority.repository';
import { PrioritiesController } from './http/priorities.controller';
import { PrioritySqlRepository } from './infrastructure/priority.sql-repository';
import { GetPriorityHandler } from './queries/get-priority/get-priority.handler';
import { ListPrioritiesHandler } from './queries/list-priorities/list-priorities.handler';

const controllers = [PrioritiesController];
const commandHandlers = [CreatePriorityHandler, UpdatePriorityHandler, DeletePriorityHandler];
const queryHandlers = [ListPrioritiesHandler, GetPriorityHandler];

@Module({
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: PriorityRepository, useClass: PrioritySqlRepository },
  ],
  exports: [PriorityRepository],
})
export class PrioritiesModule {}
