import {
  IsBoolean,
  IsHexColor,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Omittable } from '../../../../shared/http/omittable';

/** Fields left out stay as they are; only `color` may be cleared with null. */
export class UpdatePriorityRequestDto {
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Omittable()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, { message: 'code must be 1-50 letters, digits, _ . or -' })
  code?: string;

  @Omittable()
  @IsInt()
  @Min(0)
  @Max(1000)
  level?: number;

  @IsOptional()
  @IsHexColor()
  color?: string | null;

  @Omittable()
  @IsBoolean()
  active?: boolean;
}
