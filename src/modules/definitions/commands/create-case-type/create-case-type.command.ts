import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseTypeInput } from '../../domain/case-type';

export class CreateCaseTypeCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: CaseTypeInput,
  ) {
    super();
  }
}
