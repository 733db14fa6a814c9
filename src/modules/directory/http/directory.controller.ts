import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { Directory, DirectoryPage } from '../../../shared/directory/directory';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiRead, ApiWrite } from '../../../shared/http/api-responses';
import {
  ListEnvelope,
  read,
  ReadEnvelope,
  WriteEnvelope,
  written,
} from '../../../shared/http/envelope';
import {
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  PageQueryDto,
} from '../../../shared/http/pagination';
import { RemoveDirectoryUserCommand } from '../commands/remove-directory-user/remove-directory-user.command';
import { SaveDirectoryUserCommand } from '../commands/save-directory-user/save-directory-user.command';
import { SaveDirectoryUserRequestDto } from '../commands/save-directory-user/save-directory-user.request.dto';
import { DirectoryUserNotFoundError } from '../directory.errors';
import { ListDirectoryUsersRequestDto } from '../queries/list-directory-users.request.dto';
import { DirectoryGroupResponseDto } from './directory-group.response.dto';
import { DirectoryUserResponseDto } from './directory-user.response.dto';
import { TextParam } from './text-param';

const after = (cursor?: string) => decodeCursor(cursor, ['string'])?.[0] as string | undefined;

function envelope<T>(page: DirectoryPage<T>, limit: number): ListEnvelope<T> {
  return { data: page.items, page: { limit, nextCursor: page.next && encodeCursor([page.next]) } };
}

/** The tenant's directory; reads go straight to the port, writes through commands. */
@ApiTags('directory')
@Controller('api/v1/directory')
@RequirePermissions(Permission.CASE_DIRECTORY_MANAGE)
export class DirectoryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: Directory,
  ) {}

  @Put('users/:userId')
  @ApiWrite('CASE1200', DirectoryUserResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier)
  async save(
    @CurrentActor() actor: Actor,
    @TextParam('userId') userId: string,
    @Body() body: SaveDirectoryUserRequestDto,
  ): Promise<WriteEnvelope<DirectoryUserResponseDto>> {
    const user = await this.commands.execute(new SaveDirectoryUserCommand(actor, userId, body));
    return written('CASE1200', user);
  }

  @Get('users')
  @ApiList(DirectoryUserResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: ListDirectoryUsersRequestDto,
  ): Promise<ListEnvelope<DirectoryUserResponseDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const filter = { group: q.group, q: q.q };
    return envelope(
      await this.directory.listUsers(actor.clientId, filter, limit, after(q.cursor)),
      limit,
    );
  }

  @Get('users/:userId')
  @ApiRead(DirectoryUserResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.DirectoryUserNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @TextParam('userId') userId: string,
  ): Promise<ReadEnvelope<DirectoryUserResponseDto>> {
    const user = await this.directory.findUser(actor.clientId, userId);
    if (!user) throw new DirectoryUserNotFoundError();
    return read(user);
  }

  @Delete('users/:userId')
  @ApiWrite('CASE1201', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.DirectoryUserNotFound)
  async remove(
    @CurrentActor() actor: Actor,
    @TextParam('userId') userId: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new RemoveDirectoryUserCommand(actor, userId));
    return written('CASE1201', { id: userId });
  }

  @Get('groups')
  @ApiList(DirectoryGroupResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  async groups(
    @CurrentActor() actor: Actor,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<DirectoryGroupResponseDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    return envelope(await this.directory.listGroups(actor.clientId, limit, after(q.cursor)), limit);
  }

  @Get('groups/:group/members')
  @ApiList(DirectoryUserResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor)
  async members(
    @CurrentActor() actor: Actor,
    @TextParam('group') group: string,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<DirectoryUserResponseDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    return envelope(
      await this.directory.listUsers(actor.clientId, { group }, limit, after(q.cursor)),
      limit,
    );
  }
}
