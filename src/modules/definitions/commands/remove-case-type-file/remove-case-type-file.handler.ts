import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { FileStorage } from '../../../../shared/storage/storage.port';
import { Clock } from '../../../../shared/time/clock';
import { CaseTypeFileRepository } from '../../domain/case-type-file.repository';
import { CaseTypeFileNotFoundError } from '../../domain/definition.errors';
import { RemoveCaseTypeFileCommand } from './remove-case-type-file.command';

@CommandHandler(RemoveCaseTypeFileCommand)
export class RemoveCaseTypeFileHandler implements ICommandHandler<RemoveCaseTypeFileCommand> {
  constructor(
    private readonly files: CaseTypeFileRepository,
    private readonly storage: FileStorage,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseTypeId, kind, fileId }: RemoveCaseTypeFileCommand): Promise<void> {
    return this.tx.run(async () => {
      const file = await this.files.findById(actor.clientId, caseTypeId, fileId);
      if (!file) throw new CaseTypeFileNotFoundError();
      file.remove(kind, actor.userId, this.clock.now());
      await this.files.remove(file);
      // The bytes go only once the row is gone for good; a failure here leaves an orphan file
      // (logged), never a row without its file.
      this.tx.afterCommit(() => this.storage.delete(file.snapshot.storageKey));
    });
  }
}
