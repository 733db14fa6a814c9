import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Permission } from '../../../../shared/auth/permission.enum';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { caseRefCondition } from '../../../../shared/domain/case-ref';
import { CaseNotFoundError } from '../../domain/case.errors';
import { visibleOr404 } from '../../domain/case-visibility';
import { CaseCommentDto, CaseDocumentDto, CaseResponseDto } from '../../http/case.response.dto';
import { CASE_COMMENT_COLUMNS, CASE_DOCUMENT_COLUMNS } from '../case-children.sql';
import { CASE_COLUMNS, CASE_FROM } from '../case.sql';
import { GetCaseQuery } from './get-case.query';

const COMMENTS = `SELECT ${CASE_COMMENT_COLUMNS} FROM case_comments cc
  WHERE cc.client_id = $1 AND cc.case_id = $2 ORDER BY cc.created_at, cc.id`;
const DOCUMENTS = `SELECT ${CASE_DOCUMENT_COLUMNS} FROM case_documents d
  WHERE d.client_id = $1 AND d.case_id = $2 ORDER BY d.created_at, d.id`;

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, caseRef, afterOwnWrite }: GetCaseQuery): Promise<CaseResponseDto> {
    const { column, value } = caseRefCondition(caseRef);
    const [found] = await this.tx.query<CaseResponseDto>(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.client_id = $1 AND c.${column} = $2`,
      [actor.clientId, value],
    );
    // A write answers the case it changed even if the change hid it from the writer.
    const kase = afterOwnWrite ? found : visibleOr404(actor, found);
    if (!kase) throw new CaseNotFoundError();
    // Comments and documents have their own view permissions; the case view does not bypass them.
    const comments = actor.has(Permission.CASE_COMMENT_VIEW)
      ? await this.tx.query<CaseCommentDto>(COMMENTS, [actor.clientId, kase.id])
      : undefined;
    const documents = actor.has(Permission.CASE_DOC_VIEW)
      ? await this.tx.query<CaseDocumentDto>(DOCUMENTS, [actor.clientId, kase.id])
      : undefined;
    return { ...kase, ...(comments && { comments }), ...(documents && { documents }) };
  }
}
