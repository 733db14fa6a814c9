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

export class CreatePriorityRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** Unique per tenant (case-insensitive). */
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, { message: 'code must be 1-50 letters, digits, _ . or -' })
  code: string;

  /** Lower is more urgent. */
  @IsInt()
  @Min(0)
  @Max(1000)
  level: number;

  @IsOptional()
  @IsHexColor()
  color?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
