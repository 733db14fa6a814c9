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
import { CreateProcessCommand } from '../commands/create-process/create-process.command';
import { CreateProcessRequestDto } from '../commands/create-process/create-process.request.dto';
import { DeleteProcessCommand } from '../commands/delete-process/delete-process.command';
import { UpdateProcessCommand } from '../commands/update-process/update-process.command';
import { UpdateProcessRequestDto } from '../commands/update-process/update-process.request.dto';
import { GetProcessQuery } from '../queries/get-process/get-process.query';
import { ListProcessesQuery } from '../queries/list-processes/list-processes.query';
import { ListProcessesRequestDto } from '../queries/list-processes/list-processes.request.dto';
import { ProcessResponseDto } from './process.response.dto';

@ApiTags('definitions')
@Controller('api/v1/processes')
export class ProcessesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_DEF_CREATE)
  @ApiWrite('CASE0200', ProcessResponseDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.SolutionNotFound, ErrorCode.ParentDeleted, ErrorCode.DuplicateCode)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateProcessRequestDto,
  ): Promise<WriteEnvelope<ProcessResponseDto>> {
    const id = await this.commands.execute(new CreateProcessCommand(actor, body));
    return written('CASE0200', await this.queries.execute(new GetProcessQuery(actor, id)));
  }

  @Get()
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiList(ProcessResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListProcessesRequestDto,
  ): Promise<ListEnvelope<ProcessResponseDto>> {
    return this.queries.execute(
      new ListProcessesQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor, {
        solutionId: q.solutionId,
        active: q.active,
        q: q.q,
      }),
    );
  }

  @Get(':id')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiRead(ProcessResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.ProcessNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<ProcessResponseDto>> {
    return read(await this.queries.execute(new GetProcessQuery(actor, id)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.CASE_DEF_EDIT)
  @ApiWrite('CASE0202', ProcessResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.ProcessNotFound, ErrorCode.DuplicateCode)
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateProcessRequestDto,
  ): Promise<WriteEnvelope<ProcessResponseDto>> {
    await this.commands.execute(new UpdateProcessCommand(actor, id, body));
    return written('CASE0202', await this.queries.execute(new GetProcessQuery(actor, id)));
  }

  /** Soft delete; the process's case types are deleted with it. */
  @Delete(':id')
  @RequirePermissions(Permission.CASE_DEF_DELETE)
  @ApiWrite('CASE0204', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.ProcessNotFound)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new DeleteProcessCommand(actor, id));
    return written('CASE0204', { id });
  }
}
