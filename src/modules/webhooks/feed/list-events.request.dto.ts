import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../../shared/http/pagination';

export const FEED_CURSOR = /^\d{1,18}$/;

export class ListEventsRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'A feed cursor: events after it, oldest first.' })
  @IsOptional()
  @IsString()
  @Matches(FEED_CURSOR, { message: 'after must be a feed cursor' })
  after?: string;

  @ApiPropertyOptional({ description: 'An event type, or a prefix wildcard like case.*' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^(\*|[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?)$/, { message: 'type must be an event type' })
  type?: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export class StreamEventsRequestDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 86400,
    description:
      'Close the stream after this many seconds (default EVENT_STREAM_MAX_SECONDS); 0 sends what is there and closes. Reconnect with Last-Event-ID.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  maxSeconds?: number;

  @ApiPropertyOptional({ description: 'Start after this cursor (Last-Event-ID wins when sent).' })
  @IsOptional()
  @IsString()
  @Matches(FEED_CURSOR, { message: 'after must be a feed cursor' })
  after?: string;
}
