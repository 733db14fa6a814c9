import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '../../../shared/http/omittable';
import { CODE_MESSAGE, CODE_PATTERN } from './definition-fields.request.dto';

/** The fields every definition update may change; absent fields stay as they are. */
export class DefinitionChangesRequestDto {
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ pattern: CODE_PATTERN.source })
  @Omittable()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string;

  @Omittable()
  @IsBoolean()
  active?: boolean;

  /** null clears the description. */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
}
