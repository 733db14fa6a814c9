import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { DefinitionsModule } from '../definitions';
import { AutoAssignSubscriber } from './auto-assign.subscriber';
import { AutoAssigner } from './auto-assigner';
import { AssignmentStore } from './infrastructure/assignment.store';

/** Automatic assignment of new and unclaimed cases, by their type's `assignment` rule. */
@Module({
  imports: [CasesModule, DefinitionsModule],
  providers: [AutoAssigner, AssignmentStore, AutoAssignSubscriber],
})
export class AssignmentModule {}
