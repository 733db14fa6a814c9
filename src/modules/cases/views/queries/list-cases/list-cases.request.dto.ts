import { Transform, TransformFnParams } from 'class-transformer';
import { ApiHideProperty } from '@nestjs/swagger';
import {
  IsDate,
  IsEnum,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CaseState } from '../../../../../shared/domain/case-state';
import { PageQueryDto } from '../../../../../shared/http/pagination';
import { toArray } from '../../../../../shared/http/query-transforms';
import { CaseSort, SLA_STATUSES, SlaStatus } from './list-cases.query';

const SORTS: CaseSort[] = ['createdAt', 'dueDate', 'priority', 'slaDueAt'];

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time (UTC unless it carries an offset) as a Date; anything else stays to fail. */
function toInstant({ value }: TransformFnParams): unknown {
  if (typeof value !== 'string') return value;
  const m = ISO_INSTANT.exec(value);
  if (!m) return value;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return value;
  const instant = new Date(m[4] && !m[8] ? `${value}Z` : value);
  return Number.isNaN(instant.getTime()) ? value : instant;
}

const instant = (name: string) => ({
  message: `${name} must be an ISO 8601 date or date-time (UTC unless an offset is given)`,
});

export class ListCasesRequestDto extends PageQueryDto {
  /** Any of these states; repeat the parameter (`?state=NEW&state=OPENED`) or separate with commas. */
  @IsOptional()
  @Transform(toArray)
  @IsEnum(CaseState, { each: true })
  state?: CaseState[];

  @IsOptional()
  @IsUUID()
  caseTypeId?: string;

  @IsOptional()
  @IsUUID()
  priorityId?: string;

  /** Cases whose assignedToUsers contain this user. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  assignedToUser?: string;

  /** Cases whose assignedToGroups contain this group. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  assignedToGroup?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  initiatorId?: string;

  /** Cases carrying this tag. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  tag?: string;

  /** Full text over details and description, web-search syntax (`"a phrase"`, `or`, `-word`). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  /** Created at or after this instant. */
  @IsOptional()
  @Transform(toInstant)
  @IsDate(instant('createdFrom'))
  createdFrom?: Date;

  /** Created at or before this instant. */
  @IsOptional()
  @Transform(toInstant)
  @IsDate(instant('createdTo'))
  createdTo?: Date;

  /** Due strictly before this instant (cases without a due date never match). */
  @IsOptional()
  @Transform(toInstant)
  @IsDate(instant('dueBefore'))
  dueBefore?: Date;

  /** Any of these SLA summaries (breached: an SLA was violated; at-risk: none violated, one warned and not met; met: every SLA met); repeat the parameter or separate with commas. Cases without SLAs never match. */
  @IsOptional()
  @Transform(toArray)
  @IsIn(SLA_STATUSES, { each: true })
  slaStatus?: SlaStatus[];

  /**
   * `?field.<key>=<value>` (gathered by the query parser): cases whose custom field equals the
   * value. Hidden from the schema (a dotted name per key); the list routes describe it.
   */
  @ApiHideProperty()
  @IsOptional()
  @IsObject({ message: 'field filters are given as field.<key>=<value>' })
  field?: Record<string, unknown>;

  /** createdAt: newest first; dueDate: soonest first; priority: most urgent (lowest level) first; slaDueAt: the earliest SLA breach still owed first. Undated or unprioritised cases come last; ties by id. */
  @IsOptional()
  @IsIn(SORTS)
  sort?: CaseSort;
}
