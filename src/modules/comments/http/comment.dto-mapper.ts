import { PendingComment } from '../../instances/domain/case.props';
import { CaseCommentDto } from '../../instances/http/case.response.dto';

export function commentDto(c: PendingComment): CaseCommentDto {
  return {
    id: c.id,
    kind: c.kind ?? 'COMMENT',
    authorId: c.authorId,
    text: c.text,
    createdAt: c.createdAt,
  };
}
