import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseTypeFileKind, StoredFile } from '../../domain/case-type-file';
import { CaseTypeFileResponseDto } from '../../http/case-type-file.response.dto';

/** Records a file that is already in storage; the caller deletes it if this fails. */
export class UploadCaseTypeFileCommand extends Command<CaseTypeFileResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
    readonly kind: CaseTypeFileKind,
    readonly stored: StoredFile,
  ) {
    super();
  }
}
