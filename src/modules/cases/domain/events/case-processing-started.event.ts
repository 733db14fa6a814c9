import { CaseEvent } from './case.event';

export class CaseProcessingStartedEvent extends CaseEvent {
  readonly type = 'case.processing-started';
}
