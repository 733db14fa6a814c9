import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseTypeFileKind } from '../../domain/case-type-file';

export class RemoveCaseTypeFileCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
    readonly kind: CaseTypeFileKind,
    readonly fileId: string,
  ) {
    super();
  }
}
