import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { DefinitionInput } from '../../domain/definition';

export class UpdateProcessCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly processId: string,
    readonly changes: Partial<DefinitionInput>,
  ) {
    super();
  }
}
