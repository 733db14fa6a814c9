import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../../../shared/time/clock';
import { assertMayRunList } from '../../domain/saved-view';
import { SavedViewRepository } from '../../domain/saved-view.repository';
import { viewListRequest } from '../../view-list-request';
import { SaveViewCommand } from './save-view.command';

@CommandHandler(SaveViewCommand)
export class SaveViewHandler implements ICommandHandler<SaveViewCommand> {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, input }: SaveViewCommand): Promise<string> {
    const filters = input.filters ?? {};
    const { sort } = viewListRequest(filters, input.sort);
    assertMayRunList(actor, input.list);
    const id = randomUUID();
    await this.views.insert({
      id,
      clientId: actor.clientId,
      ownerId: actor.userId,
      name: input.name,
      list: input.list,
      filters,
      sort,
      shared: input.shared ?? false,
      createdAt: this.clock.now(),
    });
    return id;
  }
}
