import { PendingComment } from '../../cases/domain/case.props';
import { CaseCommentDto } from '../../cases/http/case.response.dto';

export function commentDto(c: PendingComment): CaseCommentDto {
  return {
    id: c.id,
    kind: c.kind ?? 'COMMENT',
    authorId: c.authorId,
    text: c.text,
    createdAt: c.createdAt,
  };
}
