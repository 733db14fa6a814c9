import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseTypeFile } from '../../domain/case-type-file';
import { CaseTypeFileRepository } from '../../domain/case-type-file.repository';
import { DefinitionReferences } from '../../domain/definition-references';
import { CaseTypeNotFoundError } from '../../domain/definition.errors';
import { CaseTypeFileResponseDto } from '../../http/case-type-file.response.dto';
import { UploadCaseTypeFileCommand } from './upload-case-type-file.command';

@CommandHandler(UploadCaseTypeFileCommand)
export class UploadCaseTypeFileHandler implements ICommandHandler<UploadCaseTypeFileCommand> {
  constructor(
    private readonly references: DefinitionReferences,
    private readonly files: CaseTypeFileRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({
    actor,
    caseTypeId,
    kind,
    stored,
  }: UploadCaseTypeFileCommand): Promise<CaseTypeFileResponseDto> {
    return this.tx.run(async () => {
      const caseType = await this.references.caseType(actor.clientId, caseTypeId);
      if (caseType !== 'live') throw new CaseTypeNotFoundError();
      const file = CaseTypeFile.upload(
        actor.clientId,
        caseTypeId,
        kind,
        stored,
        actor.userId,
        this.clock.now(),
      );
      await this.files.add(file);
      const f = file.snapshot;
      return {
        id: f.id,
        caseTypeId: f.caseTypeId,
        kind: f.kind,
        name: f.fileName,
        contentType: f.contentType,
        size: f.size,
        sha256: f.sha256,
        uploadedBy: f.uploadedBy,
        createdAt: f.createdAt,
      };
    });
  }
}
