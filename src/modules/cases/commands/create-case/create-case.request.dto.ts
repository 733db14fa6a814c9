import { CaseFieldsProperty } from '../case-fields.property';
import { IdList, MAX_ASSIGNEES } from '../../../../shared/http/id-list';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../domain/case-values';

export class CreateCaseRequestDto {
  @IsUUID()
  caseTypeId: string;

  /** The title of the case. */
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'details must not be blank' })
  details: string;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  /** Defaults to the case type's default priority. */
  @IsOptional()
  @IsUUID()
  priorityId?: string;

  /** Defaults to the caller; anyone else needs CASE_INSTANCE_PROXY_SAVE. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  initiatorId?: string;

  @ApiPropertyOptional({ enum: ['USER', 'CUSTOMER'], default: 'USER' })
  @IsOptional()
  @IsIn(['USER', 'CUSTOMER'])
  initiatorType?: 'USER' | 'CUSTOMER';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  firstName?: string;

  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  assignedToUsers?: string[];

  /** Defaults to the case type's default groups. */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  assignedToGroups?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  locationId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  locationCode?: string;

  /** ISO 8601; replaces createdAt + the type's dueInHours. */
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;

  /** Trimmed, lower-cased and de-duplicated. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  @Matches(/\S/, { each: true, message: 'each tag must not be blank' })
  tags?: string[];

  @IsOptional()
  @IdList(100)
  watchers?: string[];

  @CaseFieldsProperty(
    'Custom field values by key; fields left out (or null) get their default, required ones must end up set.',
  )
  fields?: Record<string, unknown>;
}
