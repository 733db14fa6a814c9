import { Body, Controller } from '@nestjs/common';
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
import { RecordMilestoneCommand } from '../commands/record-milestone/record-milestone.command';
import { RecordMilestoneRequestDto } from '../commands/record-milestone/record-milestone.request.dto';

@ApiTags('cases')
@Controller('api/v1/cases/:id/milestones')
export class CaseMilestonesController {
  constructor(private readonly answers: CaseAnswers) {}

  /**
   * Records a manual milestone and raises completedPercent to `percent` (never lowers it). An
   * edit of the case: not on a COMPLETED or CANCELED case. The seed has no code: CASE1003 extends it.
   */
  @Post()
  @RequirePermissions(Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE1003', CaseResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.InvalidTransition,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async record(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { name, percent }: RecordMilestoneRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Promise<WriteEnvelope<CaseResponseDto>> {
    const command = new RecordMilestoneCommand(actor, ref, name, percent, expectedVersion);
    return this.answers.after('CASE1003', actor, command);
  }
}
