import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayReach } from '../../domain/saved-view';
import { SavedViewNotFoundError } from '../../domain/saved-view.errors';
import { SavedViewRepository } from '../../domain/saved-view.repository';
import { SavedViewResponseDto } from '../../http/saved-view.response.dto';
import { GetViewQuery } from './get-view.query';

@QueryHandler(GetViewQuery)
export class GetViewHandler implements IQueryHandler<GetViewQuery> {
  constructor(private readonly views: SavedViewRepository) {}

  async execute({ actor, viewId }: GetViewQuery): Promise<SavedViewResponseDto> {
    const view = await this.views.findById(actor.clientId, viewId);
    if (!view || !mayReach(actor, view)) throw new SavedViewNotFoundError();
    const { id, name, list, filters, sort, shared, ownerId, createdAt } = view;
    return { id, name, list, filters, sort, shared, ownerId, createdAt };
  }
}
