import { PendingComment } from '../../cases';
import { CaseCommentDto } from '../../cases';

export function commentDto(c: PendingComment): CaseCommentDto {
  return {
    id: c.id,
    kind: c.kind ?? 'COMMENT',
    visibility: c.visibility,
    authorId: c.authorId,
    text: c.text,
    createdAt: c.createdAt,
  };
}
