import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { NewCaseInput } from '../../domain/case.props';

/** Resolves to the new case's id. */
export class CreateCaseCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: NewCaseInput,
  ) {
    super();
  }
}
