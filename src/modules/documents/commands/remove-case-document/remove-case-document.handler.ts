import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { documentChange } from '../../domain/case-document-change';
import { CaseRepository } from '../../../cases';
import { visibleOr404 } from '../../../cases';
import { CaseDocumentNotFoundError } from '../../domain/case-document.errors';
import { CaseDocumentRepository } from '../../domain/case-document.repository';
import { RemoveCaseDocumentCommand } from './remove-case-document.command';

/** The row goes in the case's transaction; the stored bytes once it has committed. */
@CommandHandler(RemoveCaseDocumentCommand)
export class RemoveCaseDocumentHandler implements ICommandHandler<RemoveCaseDocumentCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly documents: CaseDocumentRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute(command: RemoveCaseDocumentCommand): Promise<void> {
    const { actor, caseRef, documentId, expectedVersion } = command;
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      const document = await this.documents.find(actor.clientId, kase.id, documentId);
      if (!document) throw new CaseDocumentNotFoundError();
      kase.expectVersion(expectedVersion);
      kase.applyChange(documentChange('remove', document), { actor, at: this.clock.now() });
      await this.cases.save(kase);
      await this.documents.remove(document);
    });
  }
}
