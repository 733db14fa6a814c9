import { CaseEvent } from './case.event';

export class CaseTransferredEvent extends CaseEvent {
  readonly type = 'case.transferred';
}
