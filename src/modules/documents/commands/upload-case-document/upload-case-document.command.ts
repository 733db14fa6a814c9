import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ReceivedFile } from '../../../../shared/http/multipart-upload';
import { CaseDocumentDto } from '../../../cases';

/** Records a file that is already in storage; the caller deletes it if this fails. */
export class UploadCaseDocumentCommand extends Command<CaseDocumentDto> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly stored: ReceivedFile,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
