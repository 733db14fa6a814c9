import { Actor } from '../../../shared/auth/actor';
import { CaseState } from '../../../shared/domain/case-state';
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
  completedPercent: number;
  milestones: ReachedMilestone[];
  dueDate: Date | null;
  dueDateWarning: Date | null;
  markedDueDateWarning: boolean;
  markedDueDateExceeded: boolean;
  messageWarnedSlas: string[];
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

/** What a case keeps knowing about its type while it lives. */
export interface CaseTypeRules {
  name: string;
  milestones: MilestoneDefinition[];
  warnBeforeHours: number | null;
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
  onBehalfOf?: string;
}

/** Who changes the case, when, and the optional comment stored with the change. */
export interface ChangeContext {
  actor: Actor;
  at: Date;
  comment?: string;
}

export interface PendingComment {
  id: string;
  /** Absent: an ordinary comment. INITIATOR: written by the case's initiator. */
  kind?: 'COMMENT' | 'INITIATOR';
  authorId: string;
  text: string;
  createdAt: Date;
}
