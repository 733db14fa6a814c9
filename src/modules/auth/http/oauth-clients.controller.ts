import { Body, Controller, Delete, Get, HttpStatus, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList } from '../../../shared/http/api-responses';
import { ListEnvelope, ReadEnvelope } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { CreateOAuthClientCommand } from '../commands/create-oauth-client/create-oauth-client.command';
import { CreateOAuthClientRequestDto } from '../commands/create-oauth-client/create-oauth-client.request.dto';
import { RevokeOAuthClientCommand } from '../commands/revoke-oauth-client/revoke-oauth-client.command';
import { ListOAuthClientsQuery } from '../queries/list-oauth-clients/list-oauth-clients.query';
import { CreatedOAuthClientResponseDto, OAuthClientResponseDto } from './oauth-client.response.dto';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

@ApiTags('auth')
@Controller('api/v1/oauth/clients')
export class OAuthClientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @RequirePermissions(Permission.CASE_ALL)
  @ApiExtraModels(CreatedOAuthClientResponseDto)
  @ApiResponse({
    status: HttpStatus.CREATED,
    description: 'The secret is shown once.',
    schema: {
      type: 'object',
      properties: { data: { $ref: getSchemaPath(CreatedOAuthClientResponseDto) } },
    },
  })
  @ApiErrors()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOAuthClientRequestDto,
  ): Promise<ReadEnvelope<CreatedOAuthClientResponseDto>> {
    const created = await this.commands.execute(
      new CreateOAuthClientCommand(actor, body.name, body.permissions),
    );
    return { data: { ...created, createdBy: actor.userId } };
  }

  @Get()
  @RequirePermissions(Permission.CASE_ALL)
  @ApiList(OAuthClientResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  list(
    @CurrentActor() actor: Actor,
    @Query() page: PageQueryDto,
  ): Promise<ListEnvelope<OAuthClientResponseDto>> {
    return this.queries.execute(
      new ListOAuthClientsQuery(actor, page.limit ?? DEFAULT_LIMIT, page.cursor),
    );
  }

  @Delete(':clientId')
  @RequirePermissions(Permission.CASE_ALL)
  @ApiResponse({
    status: HttpStatus.OK,
    description: 'Revoked; tokens of that client stop working.',
    schema: {
      type: 'object',
      required: ['data'],
      properties: {
        data: {
          type: 'object',
          required: ['clientId', 'revoked'],
          properties: {
            clientId: {
              type: 'string',
              format: 'uuid',
              example: 'c3b2f1e0-6a4d-4f1e-9b7a-2d8c5e4f3a10',
            },
            revoked: { type: 'boolean', enum: [true], example: true },
          },
        },
      },
    },
  })
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.OAuthClientNotFound)
  async revoke(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
  ): Promise<ReadEnvelope<{ clientId: string; revoked: true }>> {
    await this.commands.execute(new RevokeOAuthClientCommand(actor, clientId));
    return { data: { clientId, revoked: true } };
  }
}
