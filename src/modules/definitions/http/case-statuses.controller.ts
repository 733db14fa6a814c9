import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import {
  Authenticated,
  CurrentActor,
  RequirePermissions,
} from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseState } from '../../../shared/domain/case-state';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { read, ReadEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { RelabelCaseStatusCommand } from '../commands/relabel-case-status/relabel-case-status.command';
import { RelabelCaseStatusRequestDto } from '../commands/relabel-case-status/relabel-case-status.request.dto';
import { ListCaseStatusesQuery } from '../queries/list-case-statuses/list-case-statuses.query';
import { CaseStatusResponseDto } from './case-status.response.dto';

/** The fixed case states with the tenant's labels. */
@ApiTags('definitions')
@Controller('api/v1/case-statuses')
export class CaseStatusesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Authenticated()
  @ApiExtraModels(CaseStatusResponseDto)
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['data'],
      properties: {
        data: { type: 'array', items: { $ref: getSchemaPath(CaseStatusResponseDto) } },
      },
    },
  })
  async list(@CurrentActor() actor: Actor): Promise<ReadEnvelope<CaseStatusResponseDto[]>> {
    return read(await this.queries.execute(new ListCaseStatusesQuery(actor)));
  }

  @Put(':state')
  @RequirePermissions(Permission.CASE_DEF_EDIT)
  @ApiParam({ name: 'state', enum: CaseState })
  @ApiWrite('CASE1004', CaseStatusResponseDto)
  @ApiErrors(ErrorCode.UnknownState)
  async relabel(
    @CurrentActor() actor: Actor,
    @Param('state') state: string,
    @Body() body: RelabelCaseStatusRequestDto,
  ): Promise<WriteEnvelope<CaseStatusResponseDto>> {
    const relabeled: CaseStatusResponseDto = await this.commands.execute(
      new RelabelCaseStatusCommand(actor, state, body.label),
    );
    return written('CASE1004', relabeled);
  }
}
