import { AssignmentResponseDto } from './assignment.response.dto';
import { CaseFieldResponseDto } from './case-field.response.dto';
import { DueDateResponseDto } from './due-date.response.dto';
import { MilestoneResponseDto } from './milestone.response.dto';
import { SlaResponseDto } from './sla.response.dto';

export class CaseTypeResponseDto {
  id: string;
  processId: string;
  processName: string;
  solutionId: string;
  solutionName: string;
  name: string;
  /** Unique per tenant among live case types (case-insensitive). */
  code: string;
  description: string | null;
  active: boolean;
  /** Due dates and SLAs count business time on it; null: around the clock. */
  calendarId: string | null;
  /** A resolved case is completed automatically after this many hours; null = never. */
  autoCloseHours: number | null;
  dueDate: DueDateResponseDto | null;
  slas: SlaResponseDto[];
  milestones: MilestoneResponseDto[];
  defaultPriorityId: string | null;
  defaultAssignedToGroups: string[];
  /** Null: no automatic assignment. */
  assignment: AssignmentResponseDto | null;
  /** Custom fields; cases of the type carry `fields: { [key]: value }`. */
  fields: CaseFieldResponseDto[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
