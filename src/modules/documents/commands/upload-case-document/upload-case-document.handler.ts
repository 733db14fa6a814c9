import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { documentChange } from '../../domain/case-document-change';
import { CaseRepository } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { CaseDocumentDto } from '../../../cases';
import { CaseDocumentRepository } from '../../domain/case-document.repository';
import { documentDto } from '../../http/document.dto-mapper';
import { UploadCaseDocumentCommand } from './upload-case-document.command';

@CommandHandler(UploadCaseDocumentCommand)
export class UploadCaseDocumentHandler implements ICommandHandler<UploadCaseDocumentCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly documents: CaseDocumentRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute(command: UploadCaseDocumentCommand): Promise<CaseDocumentDto> {
    const { actor, caseRef, stored, expectedVersion } = command;
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(expectedVersion);
      const { fileName, contentType, size, sha256 } = stored;
      const facts = { id: randomUUID(), fileName, contentType, size, sha256 };
      const at = this.clock.now();
      kase.applyChange(documentChange('attach', facts), { actor, at });
      await this.cases.save(kase);
      const document = {
        ...facts,
        clientId: actor.clientId,
        caseId: kase.id,
        storageKey: stored.key,
        uploadedBy: actor.userId,
        createdAt: at,
      };
      await this.documents.add(document);
      return documentDto(document);
    });
  }
}
