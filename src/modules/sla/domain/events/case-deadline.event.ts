import { DomainEvent } from '../../../../shared/domain/domain-event';
import { ActivityEntry } from '../../../activity';

/** Something the SLA module did to a case (a mark, a re-selection), as the activity log keeps it. */
export abstract class CaseDeadlineEvent extends DomainEvent {
  constructor(
    clientId: string,
    caseId: string,
    occurredAt: Date,
    readonly data: Record<string, unknown>,
    readonly actorId: string,
    readonly onBehalfOf: string | null = null,
    /** Who follows the case, for the notifications sent after commit (not kept in the log). */
    readonly followed: Record<string, unknown> | null = null,
  ) {
    super(clientId, caseId, occurredAt);
  }

  payload(): Record<string, unknown> {
    const followed = this.followed ? { case: this.followed } : {};
    return { caseId: this.aggregateId, actorId: this.actorId, ...this.data, ...followed };
  }

  toActivity(): ActivityEntry {
    return {
      clientId: this.clientId,
      caseId: this.aggregateId,
      type: this.type,
      actorId: this.actorId,
      onBehalfOf: this.onBehalfOf,
      occurredAt: this.occurredAt,
      data: this.data,
    };
  }
}
