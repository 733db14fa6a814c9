import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ProcessNotFoundError } from '../../domain/definition.errors';
import { ProcessResponseDto } from '../../http/process.response.dto';
import { PROCESS_SELECT } from '../definition.sql';
import { GetProcessQuery } from './get-process.query';

@QueryHandler(GetProcessQuery)
export class GetProcessHandler implements IQueryHandler<GetProcessQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({ actor, processId }: GetProcessQuery): Promise<ProcessResponseDto> {
    const [row] = await this.tx.query<ProcessResponseDto>(
      `${PROCESS_SELECT} WHERE p.client_id = $1 AND p.id = $2 AND p.deleted_at IS NULL`,
      [actor.clientId, processId],
    );
    if (!row) throw new ProcessNotFoundError();
    return row;
  }
}
