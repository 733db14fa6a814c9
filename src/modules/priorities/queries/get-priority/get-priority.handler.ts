import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { PriorityNotFoundError } from '../../domain/priority.errors';
import { PriorityResponseDto } from '../../http/priority.response.dto';
import { PRIORITY_COLUMNS } from '../priority.sql';
import { GetPriorityQuery } from './get-priority.query';

@QueryHandler(GetPriorityQuery)
export class GetPriorityHandler implements IQueryHandler<GetPriorityQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, priorityId }: GetPriorityQuery): Promise<PriorityResponseDto> {
    const [row] = await this.tx.query<PriorityResponseDto>(
      `SELECT ${PRIORITY_COLUMNS} FROM priorities WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [actor.clientId, priorityId],
    );
    if (!row) throw new PriorityNotFoundError();
    return row;
  }
}
