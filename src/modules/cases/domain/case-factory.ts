import { randomUUID } from 'node:crypto';
import { CaseState } from '../../../shared/domain/case-state';
import { dueDatesAtCreation } from './case-deadlines';
import {
  CaseProps,
  CaseRelation,
  CaseSeed,
  CaseTypeRules,
  ChangeContext,
  PendingComment,
} from './case.props';
import { CasePriority, CaseTypeConfig } from './case-type-config.reader';
import { normalizeTags, uniqueIds } from './case-values';
import { CaseFields, fieldsAtCreation } from './case-fields';
import { CaseEventSubject } from './events/case.event';

/** The props of a case as created: type defaults applied, deadlines computed, state NEW. */
export function newCaseProps(
  id: string,
  seed: CaseSeed,
  type: CaseTypeConfig,
  priority: CasePriority | null,
  ctx: ChangeContext,
  caseRelation: CaseRelation | null,
  fields: CaseFields = fieldsAtCreation(type.fields, seed.fields),
): CaseProps {
  const { clientId, userId } = ctx.actor;
  return {
    id,
    clientId,
    seq: seed.seq,
    displayId: `CM${clientId}-${seed.seq}`,
    caseTypeId: type.id,
    priorityId: priority?.id ?? null,
    priorityLevel: priority?.level ?? null,
    state: CaseState.NEW,
    details: seed.details.trim(),
    description: seed.description ?? null,
    initiatorId: seed.initiatorId,
    initiatorType: seed.initiatorType ?? 'USER',
    firstName: seed.firstName ?? null,
    assignedToUsers: uniqueIds(seed.assignedToUsers ?? []),
    assignedToGroups: uniqueIds(seed.assignedToGroups ?? type.defaultAssignedToGroups),
    location: seed.location ?? null,
    locationId: seed.locationId ?? null,
    locationCode: seed.locationCode ?? null,
    tags: normalizeTags(seed.tags ?? []),
    watchers: uniqueIds(seed.watchers ?? []),
    resolution: null,
    resolvedBy: null,
    resolutionDate: null,
    caseRelation,
    transferredTo: null,
    mergedInto: null,
    completedPercent: 0,
    milestones: [],
    ...dueDatesAtCreation(ctx.at, type, seed.dueDate),
    markedDueDateWarning: false,
    markedDueDateExceeded: false,
    messageWarnedSlas: [],
    fields,
    version: 1,
    createdBy: userId,
    createdAt: ctx.at,
    updatedBy: userId,
    updatedAt: ctx.at,
  };
}

export function rulesOf(type: CaseTypeConfig): CaseTypeRules {
  const { name, milestones, warnBeforeHours, fields } = type;
  return { name, milestones, warnBeforeHours, fields };
}

/**
 * What a transferred case carries over: its content and initiator. Assignment, priority
 * default, due date and SLAs come from the target type, as for any new case of it.
 */
export function transferSeed(from: CaseProps, seq: number, caseTypeId: string): CaseSeed {
  const { details, description, initiatorId, initiatorType, firstName, tags, watchers } = from;
  const { location, locationId, locationCode } = from;
  return {
    seq,
    caseTypeId,
    details,
    description,
    initiatorId,
    initiatorType,
    firstName,
    location,
    locationId,
    locationCode,
    tags,
    watchers,
  };
}

export function relationOf(
  kase: CaseProps,
  caseTypeName: string,
  ctx: ChangeContext,
): CaseRelation {
  return {
    caseId: kase.id,
    displayId: kase.displayId,
    caseTypeId: kase.caseTypeId,
    caseTypeName,
    transferredAt: ctx.at.toISOString(),
    transferredBy: ctx.actor.userId,
  };
}

/** What the activity log keeps of a case's creation. */
export function createdData(props: CaseProps): Record<string, unknown> {
  const { state: toState, displayId, caseTypeId, priorityId, initiatorId, initiatorType } = props;
  const { assignedToUsers, assignedToGroups, dueDate, caseRelation, fields } = props;
  return {
    toState,
    displayId,
    caseTypeId,
    priorityId,
    initiatorId,
    initiatorType,
    assignedToUsers,
    assignedToGroups,
    dueDate,
    caseRelation,
    fields,
  };
}

/** The optional comment of an action, as a new comment row (blank means none). */
export function commentOf(ctx: ChangeContext): PendingComment | undefined {
  const text = ctx.comment?.trim();
  if (!text) return undefined;
  const visibility = ctx.commentVisibility ?? 'internal';
  return { id: randomUUID(), visibility, authorId: ctx.actor.userId, text, createdAt: ctx.at };
}

/** The case as an event leaves it, for the subscribers that react to the event. */
export function subjectOf(props: CaseProps): CaseEventSubject {
  const { displayId, details, state, caseTypeId, priorityId } = props;
  const { watchers, assignedToUsers, assignedToGroups } = props;
  return {
    displayId,
    details,
    initiatorId: props.initiatorId,
    state,
    caseTypeId,
    priorityId,
    watchers: [...watchers],
    assignedToUsers: [...assignedToUsers],
    assignedToGroups: [...assignedToGroups],
  };
}
