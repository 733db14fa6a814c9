import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { WriteEnvelope } from '../../../shared/http/envelope';
import { SuccessCode } from '../../../shared/http/success-codes';
import { CaseActionCommand } from '../commands/case-action.command';
import { CaseActionRequestDto } from '../commands/case-action.request.dto';
import { ClaimCaseCommand } from '../commands/claim-case/claim-case.command';
import { UnclaimCaseCommand } from '../commands/unclaim-case/unclaim-case.command';
import { CaseActionRoute } from './case-action.route';
import { CaseAnswers } from './case-answers';
import { CaseResponseDto } from './case.response.dto';
import { IfMatchVersion } from './if-match';

type Written = Promise<WriteEnvelope<CaseResponseDto>>;

const CLAIMERS = [Permission.CASE_PROCESS, Permission.CASE_EDIT];

@ApiTags('cases')
@Controller('api/v1/cases/:id')
export class CaseClaimsController {
  constructor(private readonly answers: CaseAnswers) {}

  /** The caller becomes the only assigned user (groups stay). */
  @CaseActionRoute('claim', 'CASE0642', CLAIMERS, [ErrorCode.AlreadyClaimed])
  claim(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.run(
      'CASE0642',
      new ClaimCaseCommand(actor, ref, { comment, commentVisibility, expectedVersion }),
    );
  }

  /** Empties assignedToUsers; only a claimer may (CASE_ALL: anyone). */
  @CaseActionRoute('unclaim', 'CASE0644', CLAIMERS, [ErrorCode.NotClaimedByCaller])
  unclaim(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.run(
      'CASE0644',
      new UnclaimCaseCommand(actor, ref, { comment, commentVisibility, expectedVersion }),
    );
  }

  private run(code: SuccessCode, command: CaseActionCommand): Written {
    return this.answers.after(code, command.actor, command);
  }
}
