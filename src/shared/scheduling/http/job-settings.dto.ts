import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';

export class JobsEnabledRequestDto {
  /** The scheduled SLA check runs for this tenant (default true). */
  @IsOptional()
  @IsBoolean()
  slaCheck?: boolean | null;

  /** The scheduled due-date check runs for this tenant (default true). */
  @IsOptional()
  @IsBoolean()
  dueDateCheck?: boolean | null;

  /** The scheduled auto-close runs for this tenant (default true). */
  @IsOptional()
  @IsBoolean()
  autoClose?: boolean | null;
}

/** Replaces the tenant's settings: a field absent or null follows the deployment's default. */
export class JobSettingsRequestDto {
  /** Case types of this tenant the scheduled due-date check covers (default: DUE_DATE_CASE_TYPE_IDS). */
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: 100,
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  dueDateCaseTypeIds?: string[] | null;

  /** A failing case is counted and skipped by the scheduled checks (default: JOBS_CONTINUE_ON_ERROR). */
  @IsOptional()
  @IsBoolean()
  continueOnError?: boolean | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => JobsEnabledRequestDto)
  enabled?: JobsEnabledRequestDto | null;
}

export class JobsEnabledResponseDto {
  slaCheck: boolean;
  dueDateCheck: boolean;
  autoClose: boolean;
}

/** The tenant's job settings in effect (its own, else the deployment's defaults). */
export class JobSettingsResponseDto {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' } })
  dueDateCaseTypeIds: string[];

  continueOnError: boolean;

  enabled: JobsEnabledResponseDto;
}
