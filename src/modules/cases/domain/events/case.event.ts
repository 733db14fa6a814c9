import { CaseState } from '../../../../shared/domain/case-state';
import { DomainEvent } from '../../../../shared/domain/domain-event';

export interface FieldChange {
  old: unknown;
  new: unknown;
}

/** The change an event stands for, as the activity log records it. */
export interface CaseChangeData {
  fromState?: CaseState;
  toState?: CaseState;
  changes?: Record<string, FieldChange>;
  commentId?: string;
  reason?: string;
  [key: string]: unknown;
}

/** Base of every case event: who acted (and for whom) and what changed. */
export abstract class CaseEvent extends DomainEvent {
  constructor(
    clientId: string,
    caseId: string,
    occurredAt: Date,
    readonly actorId: string,
    readonly onBehalfOf: string | null,
    readonly data: CaseChangeData,
  ) {
    super(clientId, caseId, occurredAt);
  }

  payload(): Record<string, unknown> {
    return {
      caseId: this.aggregateId,
      actorId: this.actorId,
      onBehalfOf: this.onBehalfOf,
      ...this.data,
    };
  }
}

export type CaseEventClass = new (...args: ConstructorParameters<typeof CaseEvent>) => CaseEvent;
