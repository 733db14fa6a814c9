import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class DeleteSolutionCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly solutionId: string,
  ) {
    super();
  }
}
