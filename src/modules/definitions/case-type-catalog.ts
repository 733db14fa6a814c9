import { CaseState } from '../../shared/domain/case-state';
import type { AssignmentRule } from './domain/case-type-assignment';
import { CaseFieldDefinition } from './case-field-definition';
import { SlaDefinition } from './sla-definition';

/** A case type's automatic assignment (see domain/case-type-assignment.ts). */
export type CaseTypeAssignment = AssignmentRule;

export { parseSlaDefinitions, SlaDefinition } from './sla-definition';
export type { Escalation, EscalationAction, SlaMetric } from './sla-definition';

/** A case type's SLA: the one SlaDefinition type (sla-definition.ts). */
export type CaseTypeSla = SlaDefinition;

export interface CaseTypeMilestone {
  name: string;
  percent: number;
  onState: CaseState;
}

export interface CaseTypeDueDate {
  dueInHours: number;
  warnBeforeHours: number;
}

/** A case type as other modules see it: its configuration, its names and whether it is usable. */
export interface CaseTypeDefinition {
  id: string;
  name: string;
  code: string;
  processId: string;
  processName: string;
  solutionId: string;
  solutionName: string;
  active: boolean;
  deleted: boolean;
  /** The type, its process and its solution are all active and not deleted. */
  available: boolean;
  /** The calendar due dates and SLAs without their own count business time on; null: 24×7. */
  calendarId: string | null;
  /** Null: never closed automatically. */
  autoCloseHours: number | null;
  dueDate: CaseTypeDueDate | null;
  slas: CaseTypeSla[];
  milestones: CaseTypeMilestone[];
  defaultPriorityId: string | null;
  defaultAssignedToGroups: string[];
  /** Null: cases of the type are not assigned automatically. */
  assignment: CaseTypeAssignment | null;
  fields: CaseFieldDefinition[];
}

/** The definitions module's port for the modules that create and show cases. */
export abstract class CaseTypeCatalog {
  /**
   * The case type a new case (or a transfer) would use. Unknown in the tenant: 404 CASE4043;
   * it, its process or its solution inactive or deleted: 409 CASE4096. Inside a transaction the
   * rows are locked FOR SHARE, so the type cannot be deleted before the case commits.
   */
  abstract findForNewCase(clientId: string, caseTypeId: string): Promise<CaseTypeDefinition>;

  /** Any case type of the tenant, deleted or inactive ones too (to show existing cases); 404 CASE4043 if unknown. */
  abstract findAny(clientId: string, caseTypeId: string): Promise<CaseTypeDefinition>;
}
