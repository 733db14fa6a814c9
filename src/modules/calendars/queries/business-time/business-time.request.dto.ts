import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, TransformFnParams } from 'class-transformer';
import { IsISO8601, IsNumber, Matches, Max, Min, ValidateIf } from 'class-validator';
import { DomainError } from '../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';

const WITH_ZONE = /(Z|[+-]\d{2}:\d{2})$/;
const ZONE_MESSAGE = 'must be an ISO 8601 date-time with Z or an offset';
/** About ten years of round-the-clock minutes; the search itself is capped the same way. */
export const MAX_ADD_MINUTES = 3660 * 1440;

/** Text to number only when it is one; anything else stays to fail validation. */
function toNumber({ value }: TransformFnParams): unknown {
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
}

/** `from` plus exactly one of `addMinutes` and `to`. */
export class BusinessTimeRequestDto {
  @ApiProperty({ format: 'date-time', example: '2026-03-06T15:00:00Z' })
  @IsISO8601({ strict: true })
  @Matches(WITH_ZONE, { message: `from ${ZONE_MESSAGE}` })
  from: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: MAX_ADD_MINUTES, example: 240 })
  @ValidateIf((q: BusinessTimeRequestDto) => q.addMinutes !== undefined)
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_ADD_MINUTES)
  addMinutes?: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-03-09T11:00:00Z' })
  @ValidateIf((q: BusinessTimeRequestDto) => q.to !== undefined)
  @IsISO8601({ strict: true })
  @Matches(WITH_ZONE, { message: `to ${ZONE_MESSAGE}` })
  to?: string;
}

/** The question asked, once the DTO is valid: exactly one of addMinutes and to. */
export function businessTimeQuestion(
  q: BusinessTimeRequestDto,
): { addMinutes: number } | { to: Date } {
  if ((q.addMinutes === undefined) === (q.to === undefined)) {
    const message = 'give exactly one of addMinutes and to';
    throw new DomainError(ErrorCode.ValidationFailed, undefined, [
      { field: 'addMinutes', message },
      { field: 'to', message },
    ]);
  }
  return q.to !== undefined ? { to: new Date(q.to) } : { addMinutes: q.addMinutes as number };
}
