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
  /** A resolved case is completed automatically after this many hours; null = never. */
  autoCloseHours: number | null;
  dueDate: DueDateResponseDto | null;
  slas: SlaResponseDto[];
  milestones: MilestoneResponseDto[];
  defaultPriorityId: string | null;
  defaultAssignedToGroups: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
