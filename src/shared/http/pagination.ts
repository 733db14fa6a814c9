import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { ListEnvelope } from './envelope';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from page.nextCursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export type CursorValues = (string | number | null)[];
export type CursorField =
  'number' | 'string' | 'uuid' | 'timestamp' | 'nullable-timestamp' | 'nullable-number';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(value: unknown, field: CursorField): boolean {
  switch (field) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'nullable-number':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'string':
      return typeof value === 'string';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'nullable-timestamp':
      return value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
  }
}

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor with the given shape; anything else is a 400, never a 500. */
export function decodeCursor(
  cursor: string | undefined,
  shape: CursorField[],
): CursorValues | undefined {
  if (cursor === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError(ErrorCode.InvalidCursor);
  }
  if (
    Array.isArray(values) &&
    values.length === shape.length &&
    shape.every((f, i) => fits(values[i], f))
  ) {
    return values as CursorValues;
  }
  throw new DomainError(ErrorCode.InvalidCursor);
}

/**
 * Builds a list envelope from rows fetched with `limit + 1`: the extra row only tells whether
 * there is a next page, and the cursor points at the last row returned.
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => CursorValues,
): ListEnvelope<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return {
    data,
    page: { limit, nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null },
  };
}
