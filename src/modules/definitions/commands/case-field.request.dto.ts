import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CASE_FIELD_TYPES, FIELD_KEY_PATTERN } from '../case-field-definition';
import { MAX_FIELD_LABEL, MAX_FIELD_OPTIONS } from '../domain/case-field-definitions';

const NUMBER_OR_DATE = { oneOf: [{ type: 'number' }, { type: 'string', format: 'date' }] };

/** One custom field; the settings that do not apply to its type are refused. */
export class CaseFieldRequestDto {
  /** The name in `case.fields` and in `field.<key>` list filters; unique within the type. */
  @ApiProperty({ pattern: FIELD_KEY_PATTERN.source, example: 'policyNumber' })
  @IsString()
  @Matches(FIELD_KEY_PATTERN, {
    message: 'key must start with a lower-case letter, then up to 39 letters, digits or _',
  })
  key: string;

  @ApiProperty({ example: 'Policy number' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_FIELD_LABEL)
  label: string;

  @ApiProperty({ enum: CASE_FIELD_TYPES, example: 'string' })
  @IsIn(CASE_FIELD_TYPES)
  type: string;

  /** A case must carry a value (a default counts). Default false. */
  @IsOptional()
  @IsBoolean()
  required?: boolean | null;

  /** `enum` only: the allowed values. */
  @ApiPropertyOptional({ type: [String], example: ['low', 'medium', 'high'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIELD_OPTIONS)
  @IsString({ each: true })
  options?: string[] | null;

  /** `number`: a number; `date`: YYYY-MM-DD. Inclusive. */
  @ApiPropertyOptional({ ...NUMBER_OR_DATE, example: 0 })
  @IsOptional()
  min?: number | string | null;

  /** `number`: a number; `date`: YYYY-MM-DD. Inclusive. */
  @ApiPropertyOptional({ ...NUMBER_OR_DATE, example: 1000000 })
  @IsOptional()
  max?: number | string | null;

  /** `string` only (default and ceiling 10 000). */
  @IsOptional()
  @IsInt()
  maxLength?: number | null;

  /** A hint for clients' filter bars; every field can be filtered. Default false. */
  @IsOptional()
  @IsBoolean()
  filterable?: boolean | null;

  /** Applied when a new case leaves the field out; must be a valid value of the field. */
  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    example: 'medium',
  })
  @IsOptional()
  default?: string | number | boolean | null;
}
