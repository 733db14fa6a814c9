import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseTypeChanges } from '../../domain/case-type';

export class UpdateCaseTypeCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
    readonly changes: CaseTypeChanges,
  ) {
    super();
  }
}
