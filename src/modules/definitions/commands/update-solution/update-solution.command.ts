import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { DefinitionInput } from '../../domain/definition';

export class UpdateSolutionCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly solutionId: string,
    readonly changes: Partial<DefinitionInput>,
  ) {
    super();
  }
}
