import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList } from '../../../shared/http/api-responses';
import { ListEnvelope } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT } from '../../../shared/http/pagination';
import { WebhookSettings } from '../delivery/webhook-settings';
import { EventFeedReader } from './event-feed.reader';
import { EventStream } from './event-stream';
import { EventResponseDto } from './event.response.dto';
import {
  FEED_CURSOR,
  ListEventsRequestDto,
  StreamEventsRequestDto,
} from './list-events.request.dto';

@ApiTags('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(
    private readonly feed: EventFeedReader,
    private readonly stream: EventStream,
    private readonly settings: WebhookSettings,
  ) {}

  /** The tenant's domain events, oldest first; continue with `?after=<cursor of the last item>`. */
  @Get()
  @RequirePermissions(Permission.CASE_VIEW)
  @ApiList(EventResponseDto)
  @ApiErrors()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: ListEventsRequestDto,
  ): Promise<ListEnvelope<EventResponseDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const rows = await this.feed.after(actor.clientId, BigInt(q.after ?? '0'), limit + 1, q);
    const data = rows.slice(0, limit);
    const hasMore = rows.length > limit;
    return { data, page: { limit, nextCursor: hasMore ? data[data.length - 1].cursor : null } };
  }

  /** Server-Sent Events: `id` is the feed cursor; `Last-Event-ID` resumes right after it. */
  @Get('stream')
  @RequirePermissions(Permission.CASE_VIEW)
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'A feed cursor to resume after.',
  })
  @ApiResponse({
    status: 200,
    description: 'An endless text/event-stream of event envelopes, with heartbeat comments.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors(ErrorCode.InvalidCursor)
  async streamEvents(
    @CurrentActor() actor: Actor,
    @Query() q: StreamEventsRequestDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const start = lastEventId ?? q.after;
    if (start !== undefined && !FEED_CURSOR.test(start)) {
      throw new DomainError(ErrorCode.InvalidCursor, undefined, [
        { field: 'Last-Event-ID', message: 'must be a feed cursor' },
      ]);
    }
    const maxSeconds = q.maxSeconds ?? this.settings.streamMaxSeconds;
    await this.stream.serve(
      actor.clientId,
      start ? BigInt(start) : undefined,
      maxSeconds,
      req,
      res,
    );
  }
}
