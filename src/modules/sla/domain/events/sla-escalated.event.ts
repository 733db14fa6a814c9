import { CaseDeadlineEvent } from './case-deadline.event';

/** A rung of an SLA's escalation ladder fired: data { slaInstanceId, slaDefinitionId, name, atPercent, actions }. */
export class SlaEscalatedEvent extends CaseDeadlineEvent {
  readonly type = 'sla.escalated';
}
