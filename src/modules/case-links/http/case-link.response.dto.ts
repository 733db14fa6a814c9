import { ApiProperty } from '@nestjs/swagger';
import { LINK_VIEW_TYPES, LinkViewType } from '../domain/case-link';

/** A link as seen from the case in the path. */
export class CaseLinkResponseDto {
  id: string;

  @ApiProperty({
    enum: LINK_VIEW_TYPES,
    description:
      'What this case is to the other one (`child`: the other case is its parent; `duplicated-by`: the other case is a duplicate of it).',
  })
  type: LinkViewType;

  /** The case at the other end. */
  caseId: string;

  displayId: string;

  createdBy: string;

  createdAt: Date;
}
