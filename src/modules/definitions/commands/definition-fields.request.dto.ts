import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,50}$/;
export const CODE_MESSAGE = 'code must be 1-50 letters, digits, _ . or -';

/** The fields every definition is created with. */
export class DefinitionFieldsRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  /** Unique per tenant and level (case-insensitive); codes of deleted definitions may be reused. */
  @ApiProperty({ pattern: CODE_PATTERN.source })
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
}
