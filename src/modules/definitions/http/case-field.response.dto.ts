import { ApiProperty } from '@nestjs/swagger';
import { CASE_FIELD_TYPES, CaseFieldType } from '../case-field-definition';

const NUMBER_OR_DATE = [{ type: 'number' }, { type: 'string', format: 'date' }, { type: 'null' }];

export class CaseFieldResponseDto {
  @ApiProperty({ example: 'policyNumber' })
  key: string;
  @ApiProperty({ example: 'Policy number' })
  label: string;
  @ApiProperty({ enum: CASE_FIELD_TYPES, example: 'string' })
  type: CaseFieldType;
  required: boolean;
  /** `enum` only. */
  @ApiProperty({ type: [String], nullable: true, example: null })
  options: string[] | null;
  @ApiProperty({ oneOf: NUMBER_OR_DATE, example: null })
  min: number | string | null;
  @ApiProperty({ oneOf: NUMBER_OR_DATE, example: null })
  max: number | string | null;
  @ApiProperty({ type: Number, nullable: true, example: 40 })
  maxLength: number | null;
  filterable: boolean;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
    example: null,
  })
  default: string | number | boolean | null;
}
