import { CaseState } from '../../shared/domain/case-state';
import { SlaDefinition } from './sla-definition';

export { parseSlaDefinitions, SlaDefinition } from './sla-definition';

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
  /** Null: never closed automatically. */
  autoCloseHours: number | null;
  dueDate: CaseTypeDueDate | null;
  slas: CaseTypeSla[];
  milestones: CaseTypeMilestone[];
  defaultPriorityId: string | null;
  defaultAssignedToGroups: string[];
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
