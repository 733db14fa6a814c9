import { Body, Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../../shared/http/api-responses';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { ListEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { ApiIfMatch, IfMatchVersion } from '../../cases';
import { ReceiveMessageCommand } from '../commands/receive-message/receive-message.command';
import { ReceiveMessageRequestDto } from '../commands/receive-message/receive-message.request.dto';
import { SendMessageCommand } from '../commands/send-message/send-message.command';
import { SendMessageRequestDto } from '../commands/send-message/send-message.request.dto';
import { ListMessagesQuery } from '../queries/list-messages/list-messages.query';
import { CaseMessageResponseDto } from './case-message.response.dto';

type Written = Promise<WriteEnvelope<CaseMessageResponseDto>>;

/** Correspondence with the initiator. `:id` is the case GUID or its displayId. */
@ApiTags('messages')
@Controller('api/v1/cases/:id/messages')
export class CaseMessagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Delivered through the notification channel to `to` (an e-mail address) or the initiator. */
  @Post()
  @RequirePermissions(Permission.CASE_COMMENT)
  @ApiWrite('CASE0701', CaseMessageResponseDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound, ErrorCode.StaleVersion)
  @ApiIfMatch()
  async send(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { subject, body, to }: SendMessageRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new SendMessageCommand(actor, ref, { subject, body, to }, expectedVersion);
    return written('CASE0701', await this.commands.execute(command));
  }

  @Post('inbound')
  @RequirePermissions(Permission.CASE_INITIATOR_COMMENT)
  @ApiOperation({
    summary: 'A message from the initiator, posted by an e-mail or chat gateway',
    description:
      'A case in REQUEST_INPUT moves back to IN_PROCESS in the same transaction. Open to callers ' +
      'who see the case, to its initiator and to machine (OAuth client) callers of the tenant.',
  })
  @ApiWrite('CASE0702', CaseMessageResponseDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound, ErrorCode.StaleVersion)
  @ApiIfMatch()
  async receive(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { from, subject, body }: ReceiveMessageRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new ReceiveMessageCommand(actor, ref, { from, subject, body }, expectedVersion);
    return written('CASE0702', await this.commands.execute(command));
  }

  /** Both directions, oldest first. */
  @Get()
  @RequirePermissions(Permission.CASE_COMMENT_VIEW)
  @ApiList(CaseMessageResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.CaseNotFound)
  list(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Query() page: PageQueryDto,
  ): Promise<ListEnvelope<CaseMessageResponseDto>> {
    const limit = page.limit ?? DEFAULT_LIMIT;
    return this.queries.execute(new ListMessagesQuery(actor, ref, limit, page.cursor));
  }
}
