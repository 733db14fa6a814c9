import { CaseEvent } from './case.event';

export class CaseWatcherRemovedEvent extends CaseEvent {
  readonly type = 'case.watcher-removed';
}
