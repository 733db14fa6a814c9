import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { DefinitionInput } from '../../domain/definition';

export class CreateSolutionCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: DefinitionInput,
  ) {
    super();
  }
}
