import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsOptional } from 'class-validator';
import { CommentTextRequestDto } from '../comment-text.request.dto';

export class AddInitiatorCommentRequestDto extends CommentTextRequestDto {
  /** The initiator's comments are always public; `internal` is refused (400). */
  @ApiPropertyOptional({ enum: ['public'], default: 'public' })
  @IsOptional()
  @Equals('public', { message: "visibility of an initiator's comment must be public" })
  visibility?: 'public';
}
