import { CaseState } from '../../../../shared/domain/case-state';
import { DomainEvent } from '../../../../shared/domain/domain-event';
import { ActivityEntry, ActivityRecord } from '../../../activity';
import { CaseTypeAssignment, SlaDefinition } from '../../../definitions';
import { CommentVisibility, PendingComment } from '../case.props';

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
  /** Set with `commentId`: who may read that comment (see commentIsPublic). */
  commentVisibility?: CommentVisibility;
  reason?: string;
  [key: string]: unknown;
}

/** The case as the event left it: who follows it, for the after-commit subscribers. */
export interface CaseEventSubject {
  displayId: string;
  details: string;
  /** The notifications keep internal comments from the initiator. */
  initiatorId: string;
  state: CaseState;
  caseTypeId: string;
  priorityId: string | null;
  watchers: readonly string[];
  assignedToUsers: readonly string[];
  assignedToGroups: readonly string[];
}

/**
 * What an event carries besides its activity data: the case it left (`case`) and the comment
 * it wrote, if any (the comments module stores it in the same transaction).
 */
export interface CaseEventContext {
  case?: CaseEventSubject;
  comment?: PendingComment;
  /**
   * On a created case: its type's SLAs as the definitions port gave them before the case number
   * was drawn, so the SLA module starts its clocks without reading them again under that lock.
   * In memory only (not in the payload).
   */
  slaDefinitions?: readonly SlaDefinition[];
  /**
   * On a created case: its type's automatic assignment as read with those SLAs (null: none), so
   * auto-assignment does not read the type again under that lock for a type without a rule.
   * In memory only (not in the payload).
   */
  assignment?: CaseTypeAssignment | null;
}

/** Base of every case event: who acted (and for whom) and what changed. */
export abstract class CaseEvent extends DomainEvent implements ActivityRecord {
  constructor(
    clientId: string,
    caseId: string,
    occurredAt: Date,
    readonly actorId: string,
    readonly onBehalfOf: string | null,
    readonly data: CaseChangeData,
    readonly context: CaseEventContext = {},
  ) {
    super(clientId, caseId, occurredAt);
  }

  /** The activity data, plus `case` and `comment` (see CaseEventContext) when present. */
  payload(): Record<string, unknown> {
    const { case: subject, comment } = this.context;
    return {
      caseId: this.aggregateId,
      actorId: this.actorId,
      onBehalfOf: this.onBehalfOf,
      ...this.data,
      ...(subject && { case: subject }),
      ...(comment && { comment: { kind: 'COMMENT', ...comment } }),
    };
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

/**
 * Whether the event wrote a comment its initiator may read (a public one, initiator comments
 * included). Reads the event data, so it holds for stored payloads too; comments written before
 * visibility existed were public.
 */
export function commentIsPublic(data: Pick<CaseChangeData, 'commentId' | 'commentVisibility'>) {
  return data.commentId !== undefined && data.commentVisibility !== 'internal';
}

export type CaseEventClass = new (...args: ConstructorParameters<typeof CaseEvent>) => CaseEvent;
