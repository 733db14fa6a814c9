import { CaseFieldsProperty } from '../case-fields.property';
import { IdList, MAX_ASSIGNEES } from '../../../../shared/http/id-list';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Omittable } from '../../../../shared/http/omittable';

/** Fields left out stay as they are; `null` clears a nullable field. */
export class EditCaseRequestDto {
  @Omittable()
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'details must not be blank' })
  details?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @IsOptional()
  @IsUUID()
  priorityId?: string | null;

  @Omittable()
  @IdList(MAX_ASSIGNEES)
  assignedToUsers?: string[];

  @Omittable()
  @IdList(MAX_ASSIGNEES)
  assignedToGroups?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  locationId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  locationCode?: string | null;

  /** ISO 8601; moves the due-date warning with it and re-arms both due-date marks. */
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string | null;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100)
  completedPercent?: number;

  @CaseFieldsProperty(
    'Merged into the stored values: each key sent replaces its value, null removes it, keys left out stay.',
  )
  fields?: Record<string, unknown>;

  /** The user this change is saved for; needs CASE_INSTANCE_PROXY_SAVE. */
  @Omittable()
  @IsString()
  @Length(1, 200)
  onBehalfOf?: string;

  /** The version this edit is based on (like If-Match); a stale one is 409 CASE4092. */
  @Omittable()
  @IsInt()
  @Min(1)
  version?: number;
}
