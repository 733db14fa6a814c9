import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { LINK_TYPES, LinkType } from '../../domain/case-link';

export class AddCaseLinkRequestDto {
  @ApiProperty({
    enum: LINK_TYPES,
    description:
      'What the case in the path is to `caseId`: `parent` makes it the parent of `caseId`, `duplicate-of` a duplicate of it.',
  })
  @IsIn(LINK_TYPES)
  type: LinkType;

  /** The GUID of the other case; it must be visible to the caller too. */
  @IsUUID()
  caseId: string;
}
