import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COMMENT_VISIBILITIES, CommentVisibility } from '../domain/case.props';

export class CaseActionRequestDto {
  /** Stored as a comment on the case together with the action. */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(/\S/, { message: 'comment must not be blank' })
  comment?: string;

  /** Of `comment`: `internal` (the default) for agents only, `public` for the initiator too. */
  @ApiPropertyOptional({ enum: COMMENT_VISIBILITIES, default: 'internal' })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  commentVisibility?: CommentVisibility;
}
