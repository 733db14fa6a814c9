import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseDocumentDto } from '../../../cases';

export class ListCaseDocumentsQuery extends Query<ListEnvelope<CaseDocumentDto>> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
