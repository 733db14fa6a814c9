import { CaseState } from '../../../shared/domain/case-state';

export class CasePriorityDto {
  id: string;
  name: string;
  code: string;
  level: number;
}

export class CaseRelationDto {
  caseId: string;
  displayId: string;
  caseTypeId: string;
  caseTypeName: string;
  transferredAt: string;
  transferredBy: string;
}

export class CaseMilestoneDto {
  name: string;
  percent: number;
  onState: CaseState;
  reachedAt: string;
  /** Recorded by hand (POST /cases/:id/milestones) rather than reached by the type's plan. */
  manual?: boolean;
  recordedBy?: string;
}

export class CaseCommentDto {
  id: string;
  kind: 'COMMENT' | 'INITIATOR';
  authorId: string;
  text: string;
  createdAt: Date;
}

/** A document attached to a case: its metadata and where its bytes are downloaded. */
export class CaseDocumentDto {
  id: string;
  caseId: string;
  /** The sanitized original file name. */
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
  /** GET this path (with CASE_DOC_VIEW) for the bytes. */
  contentUrl: string;
}

/** The case as every case route answers it (seed attributes plus version and audit fields). */
export class CaseResponseDto {
  id: string;
  displayId: string;
  caseTypeId: string;
  caseTypeName: string;
  processName: string;
  solutionName: string;
  priorityId: string | null;
  priority: CasePriorityDto | null;
  state: CaseState;
  stateLabel: string;
  details: string;
  description: string | null;
  tags: string[];
  initiatorId: string;
  initiatorType: 'USER' | 'CUSTOMER';
  firstName: string | null;
  assignedToUsers: string[];
  assignedToGroups: string[];
  location: string | null;
  locationId: string | null;
  locationCode: string | null;
  slaInstanceIds: string[];
  messageWarnedSLAs: string[];
  resolution: string | null;
  resolvedBy: string | null;
  resolutionDate: Date | null;
  caseRelation: CaseRelationDto | null;
  /** Set on a case that was transferred away: where it went. */
  transferredTo: CaseRelationDto | null;
  completedPercent: number;
  dueDate: Date | null;
  dueDateWarning: Date | null;
  markedDueDateExceeded: boolean;
  markedDueDateWarning: boolean;
  watchers: string[];
  milestones: CaseMilestoneDto[];
  /** Only on the single-case view. */
  comments?: CaseCommentDto[];
  /** Only on the single-case view, and only with CASE_DOC_VIEW. */
  documents?: CaseDocumentDto[];
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}
