import { IdList, MAX_ASSIGNEES } from '../../../shared/http/id-list';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_HOURS } from '../domain/case-type-config';
import { AssignmentRequestDto } from './assignment.request.dto';
import { MAX_FIELDS } from '../case-field-definition';
import { CaseFieldRequestDto } from './case-field.request.dto';
import { DueDateRequestDto } from './due-date.request.dto';
import { MilestoneRequestDto } from './milestone.request.dto';
import { SlaRequestDto } from './sla.request.dto';

/** A case type's configuration; on update, absent fields stay and null clears. */
export class CaseTypeConfigRequestDto {
  /** Due dates and SLAs without a calendar of their own count business time on this calendar. */
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;

  /** A resolved case is completed automatically after this many hours; null = never. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_HOURS)
  autoCloseHours?: number | null;

  /** null: cases get no due date from their type. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DueDateRequestDto)
  dueDate?: DueDateRequestDto | null;

  /** Replaces the whole list. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SlaRequestDto)
  slas?: SlaRequestDto[] | null;

  /** Replaces the whole list. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneRequestDto)
  milestones?: MilestoneRequestDto[] | null;

  /** A live priority of the tenant. */
  @IsOptional()
  @IsUUID()
  defaultPriorityId?: string | null;

  /** Group ids as they appear in tokens (there is no group registry). */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  defaultAssignedToGroups?: string[] | null;

  /** Automatic assignment of new and unclaimed cases; null turns it off. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AssignmentRequestDto)
  assignment?: AssignmentRequestDto | null;
  /** Custom fields of the type's cases; replaces the whole list. Stored case values are kept. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIELDS)
  @ValidateNested({ each: true })
  @Type(() => CaseFieldRequestDto)
  fields?: CaseFieldRequestDto[] | null;
}
