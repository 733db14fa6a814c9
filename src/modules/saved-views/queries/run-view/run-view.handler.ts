import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseListItem, ListCasesQuery } from '../../../cases';
import { assertMayRunList, mayReach } from '../../domain/saved-view';
import { SavedViewNotFoundError } from '../../domain/saved-view.errors';
import { SavedViewRepository } from '../../domain/saved-view.repository';
import { viewListRequest } from '../../view-list-request';
import { RunViewQuery } from './run-view.query';

/** The stored list, filters and sort, run as the caller: their permission, their visibility. */
@QueryHandler(RunViewQuery)
export class RunViewHandler implements IQueryHandler<RunViewQuery> {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({
    actor,
    viewId,
    limit,
    cursor,
  }: RunViewQuery): Promise<ListEnvelope<CaseListItem>> {
    const view = await this.views.findById(actor.clientId, viewId);
    if (!view || !mayReach(actor, view)) throw new SavedViewNotFoundError();
    assertMayRunList(actor, view.list);
    const { filters, sort } = viewListRequest(view.filters, view.sort);
    return this.queries.execute(new ListCasesQuery(actor, view.list, filters, sort, limit, cursor));
  }
}
