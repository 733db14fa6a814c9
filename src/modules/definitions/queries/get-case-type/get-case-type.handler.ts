import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { CaseTypeNotFoundError } from '../../domain/definition.errors';
import { CaseTypeResponseDto } from '../../http/case-type.response.dto';
import { CASE_TYPE_SELECT } from '../definition.sql';
import { GetCaseTypeQuery } from './get-case-type.query';

@QueryHandler(GetCaseTypeQuery)
export class GetCaseTypeHandler implements IQueryHandler<GetCaseTypeQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, caseTypeId }: GetCaseTypeQuery): Promise<CaseTypeResponseDto> {
    const [row] = await this.tx.query<CaseTypeResponseDto>(
      `${CASE_TYPE_SELECT} WHERE ct.client_id = $1 AND ct.id = $2 AND ct.deleted_at IS NULL`,
      [actor.clientId, caseTypeId],
    );
    if (!row) throw new CaseTypeNotFoundError();
    return row;
  }
}
