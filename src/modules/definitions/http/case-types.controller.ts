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
import { CreateCaseTypeCommand } from '../commands/create-case-type/create-case-type.command';
import { CreateCaseTypeRequestDto } from '../commands/create-case-type/create-case-type.request.dto';
import { DeleteCaseTypeCommand } from '../commands/delete-case-type/delete-case-type.command';
import { UpdateCaseTypeCommand } from '../commands/update-case-type/update-case-type.command';
import { UpdateCaseTypeRequestDto } from '../commands/update-case-type/update-case-type.request.dto';
import { GetCaseTypeQuery } from '../queries/get-case-type/get-case-type.query';
import { ListCaseTypesQuery } from '../queries/list-case-types/list-case-types.query';
import { ListCaseTypesRequestDto } from '../queries/list-case-types/list-case-types.request.dto';
import { CaseTypeResponseDto } from './case-type.response.dto';

@ApiTags('definitions')
@Controller('api/v1/case-types')
export class CaseTypesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_DEF_CREATE)
  @ApiWrite('CASE0300', CaseTypeResponseDto, HttpStatus.CREATED)
  @ApiErrors(
    ErrorCode.InvalidConfiguration,
    ErrorCode.ProcessNotFound,
    ErrorCode.ParentDeleted,
    ErrorCode.DuplicateCode,
  )
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCaseTypeRequestDto,
  ): Promise<WriteEnvelope<CaseTypeResponseDto>> {
    const id = await this.commands.execute(new CreateCaseTypeCommand(actor, body));
    return written('CASE0300', await this.queries.execute(new GetCaseTypeQuery(actor, id)));
  }

  @Get()
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiList(CaseTypeResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() q: ListCaseTypesRequestDto,
  ): Promise<ListEnvelope<CaseTypeResponseDto>> {
    return this.queries.execute(
      new ListCaseTypesQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor, {
        processId: q.processId,
        solutionId: q.solutionId,
        active: q.active,
        q: q.q,
      }),
    );
  }

  @Get(':id')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiRead(CaseTypeResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseTypeNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReadEnvelope<CaseTypeResponseDto>> {
    return read(await this.queries.execute(new GetCaseTypeQuery(actor, id)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.CASE_DEF_EDIT)
  @ApiWrite('CASE0302', CaseTypeResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.InvalidConfiguration,
    ErrorCode.CaseTypeNotFound,
    ErrorCode.DuplicateCode,
  )
  async update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateCaseTypeRequestDto,
  ): Promise<WriteEnvelope<CaseTypeResponseDto>> {
    await this.commands.execute(new UpdateCaseTypeCommand(actor, id, body));
    return written('CASE0302', await this.queries.execute(new GetCaseTypeQuery(actor, id)));
  }

  /** Soft delete; existing cases of the type stay readable. */
  @Delete(':id')
  @RequirePermissions(Permission.CASE_DEF_DELETE)
  @ApiWrite('CASE0304', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseTypeNotFound)
  async remove(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new DeleteCaseTypeCommand(actor, id));
    return written('CASE0304', { id });
  }
}
