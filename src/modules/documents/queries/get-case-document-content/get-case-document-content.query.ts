import { Query } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { CaseDocumentDto } from '../../../cases';

export interface CaseDocumentContent {
  document: CaseDocumentDto;
  content: Readable;
}

export class GetCaseDocumentContentQuery extends Query<CaseDocumentContent> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly documentId: string,
  ) {
    super();
  }
}
