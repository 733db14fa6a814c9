import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ProcessInput } from '../../domain/process';

export class CreateProcessCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: ProcessInput,
  ) {
    super();
  }
}
