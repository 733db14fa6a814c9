import { Controller, Get, Query } from '@nestjs/common';
import { Post } from '../../http/post.decorator';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { Authenticated, CurrentActor } from '../../auth/auth.decorators';
import { ErrorCode } from '../../errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../http/api-responses';
import { ListEnvelope, WriteEnvelope, written } from '../../http/envelope';
import { DEFAULT_LIMIT } from '../../http/pagination';
import { UuidParam } from '../../http/params';
import { Clock } from '../../time/clock';
import { Inbox } from './inbox';
import { InboxItemResponseDto } from './inbox-item.response.dto';
import { ListInboxRequestDto } from './list-inbox.request.dto';
import { ReadAllResponseDto } from './read-all.response.dto';

@ApiTags('notifications')
@Controller('api/v1/notifications')
@Authenticated()
export class InboxController {
  constructor(
    private readonly inbox: Inbox,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiList(InboxItemResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListInboxRequestDto,
  ): Promise<ListEnvelope<InboxItemResponseDto>> {
    const options = {
      unread: q.unread ?? false,
      limit: q.limit ?? DEFAULT_LIMIT,
      cursor: q.cursor,
    };
    return this.inbox.list(actor, options);
  }

  @Post('read-all')
  @ApiWrite('CASE1211', ReadAllResponseDto)
  async readAll(@CurrentActor() actor: Actor): Promise<WriteEnvelope<ReadAllResponseDto>> {
    return written('CASE1211', { updated: await this.inbox.markAllRead(actor, this.clock.now()) });
  }

  @Post(':id/read')
  @ApiWrite('CASE1210', InboxItemResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.NotificationNotFound)
  async read(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<InboxItemResponseDto>> {
    return written('CASE1210', await this.inbox.markRead(actor, id, this.clock.now()));
  }
}
