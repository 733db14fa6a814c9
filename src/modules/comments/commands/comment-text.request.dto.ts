import { IsString, Matches, MaxLength } from 'class-validator';
import { MAX_COMMENT_LENGTH } from '../domain/case-collaboration';

export class CommentTextRequestDto {
  /** Stored trimmed; at most 10 000 characters. */
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}
