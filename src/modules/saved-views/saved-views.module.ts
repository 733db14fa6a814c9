import { Module } from '@nestjs/common';
import { DeleteViewHandler } from './commands/delete-view/delete-view.handler';
import { SaveViewHandler } from './commands/save-view/save-view.handler';
import { SavedViewRepository } from './domain/saved-view.repository';
import { SavedViewsController } from './http/saved-views.controller';
import { SavedViewSqlRepository } from './infrastructure/saved-view.sql-repository';
import { GetViewHandler } from './queries/get-view/get-view.handler';
import { ListViewsHandler } from './queries/list-views/list-views.handler';
import { RunViewHandler } from './queries/run-view/run-view.handler';

const controllers = [SavedViewsController];
const commandHandlers = [SaveViewHandler, DeleteViewHandler];
const queryHandlers = [ListViewsHandler, GetViewHandler, RunViewHandler];

/** Saved case lists, run through the case lists' own query. */
@Module({
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: SavedViewRepository, useClass: SavedViewSqlRepository },
  ],
})
export class SavedViewsModule {}
