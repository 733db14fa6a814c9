import { ApiProperty } from '@nestjs/swagger';
import { CaseState } from '../../../shared/domain/case-state';
import { CommentVisibility } from '../domain/case.props';

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
  /**
   * `internal`: read only by those who see the case through an agent's view permission;
   * `public`: also by the initiator. Initiator comments are always public.
   */
  visibility: CommentVisibility;
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

/** What a link makes this case to another one (the case-links module's view types). */
export const CASE_LINK_TYPES = [
  'parent',
  'child',
  'related',
  'duplicate-of',
  'duplicated-by',
] as const;
export type CaseLinkType = (typeof CASE_LINK_TYPES)[number];

/** A link of the case to another case the caller can see (details: GET /cases/:id/links). */
export class CaseLinkSummaryDto {
  id: string;

  @ApiProperty({
    enum: CASE_LINK_TYPES,
    description: 'What this case is to the other one (`child`: the other case is its parent).',
  })
  type: CaseLinkType;

  /** The case at the other end. */
  caseId: string;

  displayId: string;
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
  /** Set on a case merged into another (POST /cases/:id/merge), until the merge is undone. */
  mergedInto: string | null;
  completedPercent: number;
  dueDate: Date | null;
  dueDateWarning: Date | null;
  markedDueDateExceeded: boolean;
  markedDueDateWarning: boolean;
  /** The SLA summary: breached (an SLA was violated), at-risk (none violated, one warned and not met), met (every SLA met), or null. */
  slaStatus: 'breached' | 'at-risk' | 'met' | null;
  /** The earliest breach its running or paused SLAs still owe (null: none). */
  slaDueAt: Date | null;
  watchers: string[];
  milestones: CaseMilestoneDto[];
  /** Custom field values by key (see the case type's `fields`); values stored under older definitions are kept. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: { policyNumber: 'PN-2026-0042', damageAmount: 1200, severity: 'high' },
  })
  fields: Record<string, string | number | boolean>;
  /** Only on the single-case view. */
  comments?: CaseCommentDto[];
  /** Only on the single-case view, and only with CASE_DOC_VIEW. */
  documents?: CaseDocumentDto[];
  /** Only on the single-case view (and the answers of writes): links to cases the caller can see. */
  links?: CaseLinkSummaryDto[];
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}
