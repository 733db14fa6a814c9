import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { COMMENT_VISIBILITIES, CommentVisibility } from '../../../cases';
import { CommentTextRequestDto } from '../comment-text.request.dto';

export class AddCommentRequestDto extends CommentTextRequestDto {
  /** `internal` (the default): agents only; `public`: the initiator reads it too. */
  @ApiPropertyOptional({ enum: COMMENT_VISIBILITIES, default: 'internal' })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  visibility?: CommentVisibility;
}
