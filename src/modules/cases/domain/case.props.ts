import { Actor } from '../../../shared/auth/actor';
import { CaseState } from '../../../shared/domain/case-state';
import { CaseFieldDefinition } from '../../definitions';
import { CaseFields, CaseFieldsInput } from './case-fields';
import { MilestoneDefinition, ReachedMilestone } from './case-milestones';

export type InitiatorType = 'USER' | 'CUSTOMER';

/** Where a transferred case came from (`caseRelation`) or went to (`transferredTo`). */
export interface CaseRelation {
  caseId: string;
  displayId: string;
  caseTypeId: string;
  caseTypeName: string;
  transferredAt: string;
  transferredBy: string;
}

export interface CaseProps {
  id: string;
  clientId: string;
  seq: number;
  displayId: string;
  caseTypeId: string;
  priorityId: string | null;
  priorityLevel: number | null;
  state: CaseState;
  details: string;
  description: string | null;
  initiatorId: string;
  initiatorType: InitiatorType;
  firstName: string | null;
  assignedToUsers: string[];
  assignedToGroups: string[];
  location: string | null;
  locationId: string | null;
  locationCode: string | null;
  tags: string[];
  watchers: string[];
  resolution: string | null;
  resolvedBy: string | null;
  resolutionDate: Date | null;
  caseRelation: CaseRelation | null;
  transferredTo: CaseRelation | null;
  /** The case this one was merged into (and canceled for), until the merge is undone. */
  mergedInto: string | null;
  completedPercent: number;
  milestones: ReachedMilestone[];
  dueDate: Date | null;
  dueDateWarning: Date | null;
  markedDueDateWarning: boolean;
  markedDueDateExceeded: boolean;
  messageWarnedSlas: string[];
  fields: CaseFields;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

/** What a merge takes from its source case, and its undo gives back (Case.unmerge). */
export type CaseBeforeMerge = Pick<
  CaseProps,
  'state' | 'milestones' | 'completedPercent' | 'tags' | 'watchers'
>;

/** What a case keeps knowing about its type while it lives. */
export interface CaseTypeRules {
  name: string;
  milestones: MilestoneDefinition[];
  warnBeforeHours: number | null;
  /** The type's current field definitions: edits validate the keys they send against them. */
  fields: readonly CaseFieldDefinition[];
}

export interface NewCaseInput {
  caseTypeId: string;
  details: string;
  description?: string | null;
  priorityId?: string;
  initiatorId?: string;
  initiatorType?: InitiatorType;
  firstName?: string | null;
  assignedToUsers?: string[];
  assignedToGroups?: string[];
  location?: string | null;
  locationId?: string | null;
  locationCode?: string | null;
  dueDate?: Date;
  tags?: string[];
  watchers?: string[];
  fields?: CaseFieldsInput;
}

/** A new case's input once its sequence is drawn and its initiator known. */
export type CaseSeed = NewCaseInput & { seq: number; initiatorId: string };

/** `undefined` leaves a field alone; `null` clears a nullable one. */
export interface CaseEditInput {
  details?: string;
  description?: string | null;
  priorityId?: string | null;
  assignedToUsers?: string[];
  assignedToGroups?: string[];
  location?: string | null;
  locationId?: string | null;
  locationCode?: string | null;
  dueDate?: Date | null;
  completedPercent?: number;
  /** Merged into the stored values: keys sent replace, `null` removes. */
  fields?: CaseFieldsInput;
  onBehalfOf?: string;
}

/** Who changes the case, when, and the optional comment stored with the change. */
export interface ChangeContext {
  actor: Actor;
  at: Date;
  comment?: string;
  /** Of `comment`; an agent's comment is internal unless said otherwise. */
  commentVisibility?: CommentVisibility;
}

/**
 * Who may read a comment: `internal` ones only callers who see the case through an agent's view
 * permission (see seesAsAgent); `public` ones also the initiator.
 */
export type CommentVisibility = 'internal' | 'public';

export const COMMENT_VISIBILITIES: readonly CommentVisibility[] = ['internal', 'public'];

export interface PendingComment {
  id: string;
  /** Absent: an ordinary comment. INITIATOR: written by the case's initiator. */
  kind?: 'COMMENT' | 'INITIATOR';
  visibility: CommentVisibility;
  authorId: string;
  text: string;
  createdAt: Date;
}
