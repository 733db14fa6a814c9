// The public face of the documents module: the only file other modules may import.
export { DocumentsModule } from './documents.module';
export { CaseDocumentMover } from './infrastructure/case-document.mover';
