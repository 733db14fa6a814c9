import { Body, Controller, Delete, HttpStatus, Param } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { VersionETag } from '../../../shared/http/etag';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { WriteEnvelope } from '../../../shared/http/envelope';
import { ApiIfMatch, CaseAnswers, CaseResponseDto, IfMatchVersion } from '../../cases';
import { AddTagsCommand } from '../commands/add-tags/add-tags.command';
import { AddTagsRequestDto } from '../commands/add-tags/add-tags.request.dto';
import { RemoveTagCommand } from '../commands/remove-tag/remove-tag.command';

type Written = Promise<WriteEnvelope<CaseResponseDto>>;

/** Tags are an edit of the case: not on a COMPLETED or CANCELED case (409 CASE4091). */
@ApiTags('cases')
@Controller('api/v1/cases/:id/tags')
export class CaseTagsController {
  constructor(private readonly answers: CaseAnswers) {}

  /** Adds several tags at once; ones the case already has are ignored. Answers the case. */
  @Post()
  @RequirePermissions(Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE0636', CaseResponseDto, HttpStatus.OK)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.InvalidTransition,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async add(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { tags }: AddTagsRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new AddTagsCommand(actor, ref, tags, expectedVersion);
    return this.answers.after('CASE0636', actor, command);
  }

  /** `:tag` is matched after the same normalization (trimmed, lower-case). Answers the case. */
  @Delete(':tag')
  @RequirePermissions(Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE0637', CaseResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.TagNotFound,
    ErrorCode.InvalidTransition,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async remove(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Param('tag') tag: string,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new RemoveTagCommand(actor, ref, tag, expectedVersion);
    return this.answers.after('CASE0637', actor, command);
  }
}
