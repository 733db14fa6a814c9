import { ApiProperty } from '@nestjs/swagger';
import type { CaseSort } from '../../cases';
import { VIEW_LISTS, VIEW_SORTS, ViewList } from '../domain/saved-view';

export class SavedViewResponseDto {
  id: string;

  name: string;

  @ApiProperty({ enum: VIEW_LISTS })
  list: ViewList;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { state: ['NEW', 'OPENED'], tag: 'urgent' },
  })
  filters: Record<string, unknown>;

  @ApiProperty({ enum: VIEW_SORTS })
  sort: CaseSort;

  shared: boolean;

  ownerId: string;

  createdAt: Date;
}
