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
import { CaseCommentDto } from '../../cases';
import { ApiIfMatch, IfMatchVersion } from '../../cases';
import { AddCommentCommand } from '../commands/add-comment/add-comment.command';
import { AddInitiatorCommentCommand } from '../commands/add-initiator-comment/add-initiator-comment.command';
import { AddCommentRequestDto } from '../commands/add-comment/add-comment.request.dto';
import { AddInitiatorCommentRequestDto } from '../commands/add-initiator-comment/add-initiator-comment.request.dto';
import { ListCommentsQuery } from '../queries/list-comments/list-comments.query';

type Written = Promise<WriteEnvelope<CaseCommentDto>>;

/** `:id` is the case GUID or its displayId. */
@ApiTags('comments')
@Controller('api/v1/cases/:id')
export class CaseCommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('comments')
  @RequirePermissions(Permission.CASE_COMMENT)
  @ApiOperation({
    description:
      '`visibility` defaults to `internal`: only callers who see the case through an agent view ' +
      '(CASE_VIEW, assigned, unassigned queue) read it; `public` comments the initiator reads too.',
  })
  @ApiWrite('CASE0609', CaseCommentDto, HttpStatus.CREATED)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound, ErrorCode.StaleVersion)
  @ApiIfMatch()
  async add(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { text, visibility }: AddCommentRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new AddCommentCommand(actor, ref, text, expectedVersion, visibility);
    return written('CASE0609', await this.commands.execute(command));
  }

  @Post('initiator-comments')
  @RequirePermissions(Permission.CASE_INITIATOR_COMMENT)
  @ApiOperation({
    summary: "The initiator's comment",
    description:
      'CASE0623 when it answers a REQUEST_INPUT case, which moves back to IN_PROCESS in the same ' +
      'transaction; CASE0625 otherwise. Only the initiator of the case may call it (403 CASE4031). ' +
      'Always public: `visibility` other than `public` is 400 CASE4000.',
  })
  @ApiWrite('CASE0625', CaseCommentDto, HttpStatus.CREATED)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.NotInitiator,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async addInitiatorComment(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { text }: AddInitiatorCommentRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new AddInitiatorCommentCommand(actor, ref, text, expectedVersion);
    const { comment, answeredInput } = await this.commands.execute(command);
    return written(answeredInput ? 'CASE0623' : 'CASE0625', comment);
  }

  /** Oldest first. A caller who sees the case only as its initiator gets public comments only. */
  @Get('comments')
  @RequirePermissions(Permission.CASE_COMMENT_VIEW)
  @ApiList(CaseCommentDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.CaseNotFound)
  list(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Query() page: PageQueryDto,
  ): Promise<ListEnvelope<CaseCommentDto>> {
    const limit = page.limit ?? DEFAULT_LIMIT;
    return this.queries.execute(new ListCommentsQuery(actor, ref, limit, page.cursor));
  }
}
