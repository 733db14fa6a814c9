import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { SavedViewResponseDto } from '../../http/saved-view.response.dto';
import { VIEW_RESPONSE_COLUMNS } from '../saved-view.sql';
import { ListViewsQuery } from './list-views.query';

/** The caller's own views and the tenant's shared ones, oldest first. */
@QueryHandler(ListViewsQuery)
export class ListViewsHandler implements IQueryHandler<ListViewsQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    limit,
    cursor,
  }: ListViewsQuery): Promise<ListEnvelope<SavedViewResponseDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<SavedViewResponseDto>(
      `SELECT ${VIEW_RESPONSE_COLUMNS} FROM saved_views
        WHERE client_id = $1 AND (owner_id = $2 OR shared)
          AND ($4::timestamptz IS NULL OR (created_at, id) > ($4::timestamptz, $5::uuid))
        ORDER BY created_at, id LIMIT $3`,
      [actor.clientId, actor.userId, limit + 1, ...after],
    );
    return toPage(rows, limit, (v) => [v.createdAt.toISOString(), v.id]);
  }
}
