import { Body, Controller, Delete, Get, HttpStatus, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiRead, ApiWrite } from '../../../shared/http/api-responses';
import {
  ListEnvelope,
  read,
  ReadEnvelope,
  WriteEnvelope,
  written,
} from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { CaseListItem, CaseResponseDto } from '../../cases';
import { DeleteViewCommand } from '../commands/delete-view/delete-view.command';
import { SaveViewCommand } from '../commands/save-view/save-view.command';
import { SaveViewRequestDto } from '../commands/save-view/save-view.request.dto';
import { VIEW_PERMISSIONS } from '../domain/saved-view';
import { GetViewQuery } from '../queries/get-view/get-view.query';
import { ListViewsQuery } from '../queries/list-views/list-views.query';
import { RunViewQuery } from '../queries/run-view/run-view.query';
import { SavedViewResponseDto } from './saved-view.response.dto';

/**
 * Saved case lists, personal or shared in the tenant. Any list permission reaches the routes;
 * the view's own list permission is checked when it is saved and each time it runs (403).
 */
@ApiTags('views')
@Controller('api/v1/views')
export class SavedViewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Filters and sort are validated as the list route validates its query string. */
  @Post()
  @RequirePermissions(...VIEW_PERMISSIONS)
  @ApiWrite('CASE1420', SavedViewResponseDto, HttpStatus.CREATED)
  @ApiErrors()
  async save(
    @CurrentActor() actor: Actor,
    @Body() body: SaveViewRequestDto,
  ): Promise<WriteEnvelope<SavedViewResponseDto>> {
    const id = await this.commands.execute(new SaveViewCommand(actor, body));
    return written('CASE1420', await this.queries.execute(new GetViewQuery(actor, id)));
  }

  /** The caller's own views and the tenant's shared ones. */
  @Get()
  @RequirePermissions(...VIEW_PERMISSIONS)
  @ApiList(SavedViewResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<SavedViewResponseDto>> {
    return this.queries.execute(new ListViewsQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor));
  }

  @Get(':id')
  @RequirePermissions(...VIEW_PERMISSIONS)
  @ApiRead(SavedViewResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.SavedViewNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<SavedViewResponseDto>> {
    return read(await this.queries.execute(new GetViewQuery(actor, id)));
  }

  /** Runs the view's list with its filters and sort, as the caller; the cursor pages as usual. */
  @Get(':id/cases')
  @RequirePermissions(...VIEW_PERMISSIONS)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.SavedViewNotFound)
  cases(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<CaseListItem>> {
    return this.queries.execute(new RunViewQuery(actor, id, q.limit ?? DEFAULT_LIMIT, q.cursor));
  }

  /** Only its owner (or CASE_ALL) deletes a view, shared or not. */
  @Delete(':id')
  @RequirePermissions(...VIEW_PERMISSIONS)
  @ApiWrite('CASE1421', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.SavedViewNotFound, ErrorCode.NotSavedViewOwner)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new DeleteViewCommand(actor, id));
    return written('CASE1421', { id });
  }
}
