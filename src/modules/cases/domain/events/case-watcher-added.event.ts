import { CaseEvent } from './case.event';

export class CaseWatcherAddedEvent extends CaseEvent {
  readonly type = 'case.watcher-added';
}
