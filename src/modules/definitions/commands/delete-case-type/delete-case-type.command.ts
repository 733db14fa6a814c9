import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';

export class DeleteCaseTypeCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
  ) {
    super();
  }
}
