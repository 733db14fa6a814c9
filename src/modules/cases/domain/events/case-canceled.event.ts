import { CaseEvent } from './case.event';

export class CaseCanceledEvent extends CaseEvent {
  readonly type = 'case.canceled';
}
