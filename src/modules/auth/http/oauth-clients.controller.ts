import { Body, Controller, Delete, Get, HttpStatus, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../../shared/http/api-responses';
import { ListEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { CreateOAuthClientCommand } from '../commands/create-oauth-client/create-oauth-client.command';
import { CreateOAuthClientRequestDto } from '../commands/create-oauth-client/create-oauth-client.request.dto';
import { RevokeOAuthClientCommand } from '../commands/revoke-oauth-client/revoke-oauth-client.command';
import { ListOAuthClientsQuery } from '../queries/list-oauth-clients/list-oauth-clients.query';
import {
  CreatedOAuthClientResponseDto,
  OAuthClientResponseDto,
  RevokedOAuthClientResponseDto,
} from './oauth-client.response.dto';

@ApiTags('auth')
@Controller('api/v1/oauth/clients')
export class OAuthClientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The secret in the answer is shown once. */
  @Post()
  @RequirePermissions(Permission.CASE_ALL)
  @ApiWrite('CASE1010', CreatedOAuthClientResponseDto, HttpStatus.CREATED)
  @ApiErrors()
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOAuthClientRequestDto,
  ): Promise<WriteEnvelope<CreatedOAuthClientResponseDto>> {
    const created = await this.commands.execute(
      new CreateOAuthClientCommand(actor, body.name, body.permissions),
    );
    return written('CASE1010', { ...created, createdBy: actor.userId });
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

  /** Tokens of the revoked client stop working at once. */
  @Delete(':clientId')
  @RequirePermissions(Permission.CASE_ALL)
  @ApiWrite('CASE1011', RevokedOAuthClientResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.OAuthClientNotFound)
  async revoke(
    @CurrentActor() actor: Actor,
    @UuidParam('clientId') clientId: string,
  ): Promise<WriteEnvelope<RevokedOAuthClientResponseDto>> {
    await this.commands.execute(new RevokeOAuthClientCommand(actor, clientId));
    return written('CASE1011', { clientId, revoked: true });
  }
}
