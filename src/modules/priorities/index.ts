// The public face of the priorities module: the only file other modules may import.
export { PrioritiesModule } from './priorities.module';
export { PriorityRepository } from './domain/priority.repository';
export { CreatePriorityCommand } from './commands/create-priority/create-priority.command';
