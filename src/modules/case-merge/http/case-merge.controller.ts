import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { VersionETag } from '../../../shared/http/etag';
import { WriteEnvelope } from '../../../shared/http/envelope';
import { ApiIfMatch, CaseAnswers, CaseResponseDto, IfMatchVersion } from '../../cases';
import { MergeCaseCommand } from '../commands/merge-case/merge-case.command';
import { MergeCaseRequestDto } from '../commands/merge-case/merge-case.request.dto';
import { UnmergeCaseCommand } from '../commands/unmerge-case/unmerge-case.command';

type Written = Promise<WriteEnvelope<CaseResponseDto>>;

/** Merging a case into another and undoing it; both answer the case in the path. If-Match is its version. */
@ApiTags('case-merge')
@Controller('api/v1/cases/:id')
export class CaseMergeController {
  constructor(private readonly answers: CaseAnswers) {}

  /** Both cases must be visible; the source open or on its way, the target not closed or merged. */
  @Post('merge')
  @RequirePermissions(Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE1640', CaseResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseMergeIntoSelf,
    ErrorCode.CaseNotFound,
    ErrorCode.InvalidTransition,
    ErrorCode.StaleVersion,
    ErrorCode.CaseAlreadyMerged,
    ErrorCode.CaseMergeTargetClosed,
  )
  @ApiIfMatch()
  async merge(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { intoCaseId }: MergeCaseRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new MergeCaseCommand(actor, ref, intoCaseId.toLowerCase(), expectedVersion);
    return this.answers.after('CASE1640', actor, command);
  }

  /** The open merge of the case, within 30 days; what moved goes back, later work stays. */
  @Post('unmerge')
  @RequirePermissions(Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE1641', CaseResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.StaleVersion,
    ErrorCode.CaseNotMerged,
    ErrorCode.CaseUnmergeExpired,
    ErrorCode.CaseMergeTargetMergedOn,
  )
  @ApiIfMatch()
  async unmerge(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.answers.after(
      'CASE1641',
      actor,
      new UnmergeCaseCommand(actor, ref, expectedVersion),
    );
  }
}
