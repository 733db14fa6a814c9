import { Body, Controller, Delete, Param } from '@nestjs/common';
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
import { VIEW_PERMISSIONS } from '../../cases';
import { UnwatchCaseCommand } from '../commands/unwatch-case/unwatch-case.command';
import { WatchCaseCommand } from '../commands/watch-case/watch-case.command';
import { WatchCaseRequestDto } from '../commands/watch-case/watch-case.request.dto';

type Answer = Promise<WriteEnvelope<CaseResponseDto>>;

/**
 * Anyone who sees the case may watch or unwatch it for themselves; doing so for another user
 * needs CASE_EDIT (403 CASE4030). The seed has no code for these: CASE1001/CASE1002 extend it.
 */
const WATCHERS = [...VIEW_PERMISSIONS, Permission.CASE_EDIT];

@ApiTags('cases')
@Controller('api/v1/cases/:id/watchers')
export class CaseWatchersController {
  constructor(private readonly answers: CaseAnswers) {}

  /** Adds `userId` (default: the caller) to the watchers; already watching changes nothing. */
  @Post()
  @RequirePermissions(...WATCHERS)
  @VersionETag()
  @ApiWrite('CASE1001', CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound, ErrorCode.StaleVersion)
  @ApiIfMatch()
  async watch(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { userId }: WatchCaseRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Answer {
    const command = new WatchCaseCommand(actor, ref, userId, expectedVersion);
    return this.answers.after('CASE1001', actor, command);
  }

  @Delete(':userId')
  @RequirePermissions(...WATCHERS)
  @VersionETag()
  @ApiWrite('CASE1002', CaseResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.WatcherNotFound,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async unwatch(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Param('userId') userId: string,
    @IfMatchVersion() expectedVersion?: number,
  ): Answer {
    const command = new UnwatchCaseCommand(actor, ref, userId, expectedVersion);
    return this.answers.after('CASE1002', actor, command);
  }
}
