import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IdList, MAX_ASSIGNEES } from '../../../../shared/http/id-list';

/** Each action takes only its own fields (see `action`); any other is a 400. */
export class BulkParamsRequestDto {
  /** assign: replaces the assigned users. */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  assignedToUsers?: string[];

  /** assign: replaces the assigned groups. */
  @IsOptional()
  @IdList(MAX_ASSIGNEES)
  assignedToGroups?: string[];

  /** priority (required). */
  @IsOptional()
  @IsUUID()
  priorityId?: string;

  /** tag (required): added to each case's tags. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @Matches(/\S/, { each: true, message: 'each tag must not be blank' })
  tags?: string[];

  /** resolve (required). */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(/\S/, { message: 'resolution must not be blank' })
  resolution?: string;

  /** hold and cancel. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  /** Lifecycle actions: stored as a comment on each case with the action. */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(/\S/, { message: 'comment must not be blank' })
  comment?: string;
}
