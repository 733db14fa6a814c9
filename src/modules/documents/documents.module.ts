import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { RemoveCaseDocumentHandler } from './commands/remove-case-document/remove-case-document.handler';
import { UploadCaseDocumentHandler } from './commands/upload-case-document/upload-case-document.handler';
import { CaseDocumentRepository } from './domain/case-document.repository';
import { CaseDocumentsController } from './http/case-documents.controller';
import { CaseDocumentMover } from './infrastructure/case-document.mover';
import { CaseDocumentSqlRepository } from './infrastructure/case-document.sql-repository';
import { GetCaseDocumentContentHandler } from './queries/get-case-document-content/get-case-document-content.handler';
import { ListCaseDocumentsHandler } from './queries/list-case-documents/list-case-documents.handler';

const controllers = [CaseDocumentsController];
const commandHandlers = [UploadCaseDocumentHandler, RemoveCaseDocumentHandler];
const queryHandlers = [ListCaseDocumentsHandler, GetCaseDocumentContentHandler];

/** Documents attached to cases: metadata rows in the case's transaction, bytes in FileStorage. */
@Module({
  imports: [CasesModule],
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: CaseDocumentRepository, useClass: CaseDocumentSqlRepository },
    CaseDocumentMover,
  ],
  exports: [CaseDocumentMover],
})
export class DocumentsModule {}
