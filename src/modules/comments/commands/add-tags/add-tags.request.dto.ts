import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../../cases';

export class AddTagsRequestDto {
  /** Trimmed, lower-cased and de-duplicated; a case holds at most 20 tags of at most 50 characters. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  @MaxLength(MAX_TAG_LENGTH, { each: true })
  @Matches(/\S/, { each: true, message: 'each tag must not be blank' })
  tags: string[];
}
