import { WorkingWeek } from '../../calendars';
import { CaseFieldDefinition, CaseTypeAssignment, SlaDefinition } from '../../definitions';
import { MilestoneDefinition } from './case-milestones';
import { CaseTypeRules } from './case.props';

/** What creating a case needs to know about its type (read from the definitions tables). */
export interface CaseTypeConfig {
  id: string;
  name: string;
  /** False when the type, its process or its solution is inactive or deleted. */
  available: boolean;
  autoCloseHours: number | null;
  dueInHours: number | null;
  warnBeforeHours: number | null;
  /** The type's calendar (due dates count business hours on it); absent: around the clock. */
  dueCalendar?: WorkingWeek;
  milestones: MilestoneDefinition[];
  /** Handed on to the SLA module with the created event, each with the calendar it counts on. */
  slas: readonly SlaDefinition[];
  defaultPriorityId: string | null;
  defaultAssignedToGroups: string[];
  /** Handed on with the created event (null: no automatic assignment); absent: not read. */
  assignment?: CaseTypeAssignment | null;
  fields: readonly CaseFieldDefinition[];
}

export interface CasePriority {
  id: string;
  level: number;
}

export abstract class CaseTypeConfigReader {
  /** The tenant's case type, deleted or not; null when the tenant has no such type. */
  abstract findCaseType(clientId: string, caseTypeId: string): Promise<CaseTypeConfig | null>;
  /** What an existing case of the type follows (the type may be deleted or inactive since). */
  abstract findRules(clientId: string, caseTypeId: string): Promise<CaseTypeRules>;
  /** An active, not deleted priority of the tenant; null otherwise (or for a null id). */
  abstract findPriority(clientId: string, priorityId: string | null): Promise<CasePriority | null>;
  /** The ids the tenant's directory does not know as active users; none if it has no users. */
  abstract unknownUsers(clientId: string, userIds: readonly string[]): Promise<string[]>;
}
