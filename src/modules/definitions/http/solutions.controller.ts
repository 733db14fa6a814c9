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
import { CreateSolutionCommand } from '../commands/create-solution/create-solution.command';
import { CreateSolutionRequestDto } from '../commands/create-solution/create-solution.request.dto';
import { DeleteSolutionCommand } from '../commands/delete-solution/delete-solution.command';
import { UpdateSolutionCommand } from '../commands/update-solution/update-solution.command';
import { UpdateSolutionRequestDto } from '../commands/update-solution/update-solution.request.dto';
import { GetSolutionQuery } from '../queries/get-solution/get-solution.query';
import { ListSolutionsQuery } from '../queries/list-solutions/list-solutions.query';
import { ListSolutionsRequestDto } from '../queries/list-solutions/list-solutions.request.dto';
import { SolutionResponseDto } from './solution.response.dto';

@ApiTags('definitions')
@Controller('api/v1/solutions')
export class SolutionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_DEF_CREATE)
  @ApiWrite('CASE0100', SolutionResponseDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.DuplicateCode)
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateSolutionRequestDto,
  ): Promise<WriteEnvelope<SolutionResponseDto>> {
    const id = await this.commands.execute(new CreateSolutionCommand(actor, body));
    return written('CASE0100', await this.queries.execute(new GetSolutionQuery(actor, id)));
  }

  @Get()
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiList(SolutionResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListSolutionsRequestDto,
  ): Promise<ListEnvelope<SolutionResponseDto>> {
    return this.queries.execute(
      new ListSolutionsQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor, {
        active: q.active,
        q: q.q,
      }),
    );
  }

  @Get(':id')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiRead(SolutionResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.SolutionNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<SolutionResponseDto>> {
    return read(await this.queries.execute(new GetSolutionQuery(actor, id)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.CASE_DEF_EDIT)
  @ApiWrite('CASE0102', SolutionResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.SolutionNotFound, ErrorCode.DuplicateCode)
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateSolutionRequestDto,
  ): Promise<WriteEnvelope<SolutionResponseDto>> {
    await this.commands.execute(new UpdateSolutionCommand(actor, id, body));
    return written('CASE0102', await this.queries.execute(new GetSolutionQuery(actor, id)));
  }

  /** Soft delete; the solution's processes and case types are deleted with it. */
  @Delete(':id')
  @RequirePermissions(Permission.CASE_DEF_DELETE)
  @ApiWrite('CASE0104', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.SolutionNotFound)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new DeleteSolutionCommand(actor, id));
    return written('CASE0104', { id });
  }
}
