import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { CaseLinkNotFoundError } from '../../domain/case-link.errors';
import { CaseLinkResponseDto } from '../../http/case-link.response.dto';
import { LINK_ROW_COLUMNS, LinkRow, visibleLinks } from '../case-link-rows';
import { GetCaseLinkQuery } from './get-case-link.query';

@QueryHandler(GetCaseLinkQuery)
export class GetCaseLinkHandler implements IQueryHandler<GetCaseLinkQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly queries: QueryBus,
  ) {}

  async execute({ actor, caseId, linkId }: GetCaseLinkQuery): Promise<CaseLinkResponseDto> {
    const rows = await this.tx.query<LinkRow>(
      `SELECT ${LINK_ROW_COLUMNS} FROM case_links
        WHERE client_id = $1 AND id = $2 AND (from_case_id = $3 OR to_case_id = $3)`,
      [actor.clientId, linkId, caseId],
    );
    const [link] = await visibleLinks(this.queries, actor, caseId, rows);
    if (!link) throw new CaseLinkNotFoundError();
    return link;
  }
}
