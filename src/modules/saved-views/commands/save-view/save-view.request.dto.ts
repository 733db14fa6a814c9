import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { CaseSort } from '../../../cases';
import { VIEW_LISTS, VIEW_SORTS, ViewList } from '../../domain/saved-view';

export class SaveViewRequestDto {
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({
    enum: VIEW_LISTS,
    description:
      'The case list the view runs; its route’s permission is needed to save and run it.',
  })
  @IsIn(VIEW_LISTS)
  list: ViewList;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'The list’s filters as its query string takes them (`state`, `caseTypeId`, `tag`, `q`, `createdFrom`, …); validated like the list route’s.',
    example: { state: ['NEW', 'OPENED'], tag: 'urgent' },
  })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: VIEW_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(VIEW_SORTS)
  sort?: CaseSort;

  /** Visible to everyone in the tenant (default: only to its owner). */
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}
