import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { mayReach } from '../../domain/saved-view';
import { NotSavedViewOwnerError, SavedViewNotFoundError } from '../../domain/saved-view.errors';
import { SavedViewRepository } from '../../domain/saved-view.repository';
import { DeleteViewCommand } from './delete-view.command';

@CommandHandler(DeleteViewCommand)
export class DeleteViewHandler implements ICommandHandler<DeleteViewCommand> {
  constructor(
    private readonly views: SavedViewRepository,
    private readonly tx: TransactionManager,
  ) {}

  execute({ actor, viewId }: DeleteViewCommand): Promise<void> {
    return this.tx.run(async () => {
      const view = await this.views.findById(actor.clientId, viewId);
      if (!view || !mayReach(actor, view)) throw new SavedViewNotFoundError();
      // A shared view is seen by all, but only its owner (or CASE_ALL) takes it away.
      if (view.ownerId !== actor.userId && !actor.isAdmin) throw new NotSavedViewOwnerError();
      await this.views.delete(actor.clientId, viewId);
    });
  }
}
