import { Body, Controller, Delete, Get, HttpStatus, Patch, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiRead, ApiWrite } from '../../../shared/http/api-responses';
import {
  ListEnvelope,
  read,
  ReadEnvelope,
  WriteEnvelope,
  written,
} from '../../../shared/http/envelope';
import { DEFAULT_LIMIT } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { CreatePriorityCommand } from '../commands/create-priority/create-priority.command';
import { CreatePriorityRequestDto } from '../commands/create-priority/create-priority.request.dto';
import { DeletePriorityCommand } from '../commands/delete-priority/delete-priority.command';
import { UpdatePriorityCommand } from '../commands/update-priority/update-priority.command';
import { UpdatePriorityRequestDto } from '../commands/update-priority/update-priority.request.dto';
import { GetPriorityQuery } from '../queries/get-priority/get-priority.query';
import { ListPrioritiesQuery } from '../queries/list-priorities/list-priorities.query';
import { ListPrioritiesRequestDto } from '../queries/list-priorities/list-priorities.request.dto';
import { PriorityResponseDto } from './priority.response.dto';

@ApiTags('priorities')
@Controller('api/v1/priorities')
export class PrioritiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_PRIORITY_CREATE)
  @ApiWrite('CASE0400', PriorityResponseDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.DuplicateCode)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreatePriorityRequestDto,
  ): Promise<WriteEnvelope<PriorityResponseDto>> {
    const id = await this.commands.execute(new CreatePriorityCommand(actor, body));
    return written('CASE0400', await this.queries.execute(new GetPriorityQuery(actor, id)));
  }

  @Get()
  @RequirePermissions(Permission.CASE_PRIORITY_VIEW)
  @ApiList(PriorityResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListPrioritiesRequestDto,
  ): Promise<ListEnvelope<PriorityResponseDto>> {
    return this.queries.execute(
      new ListPrioritiesQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor, q.active),
    );
  }

  @Get(':id')
  @RequirePermissions(Permission.CASE_PRIORITY_VIEW)
  @ApiRead(PriorityResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.PriorityNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<PriorityResponseDto>> {
    return read(await this.queries.execute(new GetPriorityQuery(actor, id)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.CASE_PRIORITY_EDIT)
  @ApiWrite('CASE0402', PriorityResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.PriorityNotFound, ErrorCode.DuplicateCode)
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdatePriorityRequestDto,
  ): Promise<WriteEnvelope<PriorityResponseDto>> {
    await this.commands.execute(new UpdatePriorityCommand(actor, id, body));
    return written('CASE0402', await this.queries.execute(new GetPriorityQuery(actor, id)));
  }

  @Delete(':id')
  @RequirePermissions(Permission.CASE_PRIORITY_DELETE)
  @ApiWrite('CASE0404', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.PriorityNotFound, ErrorCode.PriorityInUse)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new DeletePriorityCommand(actor, id));
    return written('CASE0404', { id });
  }
}
