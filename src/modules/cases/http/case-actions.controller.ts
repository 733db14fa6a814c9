import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { WriteEnvelope } from '../../../shared/http/envelope';
import { SuccessCode } from '../../../shared/http/success-codes';
import { CancelCaseCommand } from '../commands/cancel-case/cancel-case.command';
import { CancelCaseRequestDto } from '../commands/cancel-case/cancel-case.request.dto';
import { CaseActionCommand } from '../commands/case-action.command';
import { CaseActionRequestDto } from '../commands/case-action.request.dto';
import { CompleteCaseCommand } from '../commands/complete-case/complete-case.command';
import { HoldCaseCommand } from '../commands/hold-case/hold-case.command';
import { HoldCaseRequestDto } from '../commands/hold-case/hold-case.request.dto';
import { OpenCaseCommand } from '../commands/open-case/open-case.command';
import { ProcessCaseCommand } from '../commands/process-case/process-case.command';
import { ReopenCaseCommand } from '../commands/reopen-case/reopen-case.command';
import { RequestCaseInputCommand } from '../commands/request-case-input/request-case-input.command';
import { ResolveCaseCommand } from '../commands/resolve-case/resolve-case.command';
import { ResolveCaseRequestDto } from '../commands/resolve-case/resolve-case.request.dto';
import { CaseActionRoute } from './case-action.route';
import { CaseAnswers } from './case-answers';
import { CaseResponseDto } from './case.response.dto';
import { IfMatchVersion } from './if-match';

type Written = Promise<WriteEnvelope<CaseResponseDto>>;

/** The lifecycle of SPEC §5. Every body takes an optional `comment`; If-Match is honoured. */
@ApiTags('cases')
@Controller('api/v1/cases/:id')
export class CaseActionsController {
  constructor(private readonly answers: CaseAnswers) {}

  @CaseActionRoute('open', 'CASE0612', [Permission.CASE_OPEN])
  open(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.run(
      'CASE0612',
      new OpenCaseCommand(actor, ref, { comment, commentVisibility, expectedVersion }),
    );
  }

  @CaseActionRoute('process', 'CASE0615', [Permission.CASE_PROCESS])
  process(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.run(
      'CASE0615',
      new ProcessCaseCommand(actor, ref, { comment, commentVisibility, expectedVersion }),
    );
  }

  @CaseActionRoute('request-input', 'CASE0617', [Permission.CASE_INPUT])
  requestInput(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new RequestCaseInputCommand(actor, ref, {
      comment,
      commentVisibility,
      expectedVersion,
    });
    return this.run('CASE0617', command);
  }

  @CaseActionRoute('hold', 'CASE0627', [Permission.CASE_HOLD])
  hold(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { reason, comment, commentVisibility }: HoldCaseRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new HoldCaseCommand(actor, ref, reason, {
      comment,
      commentVisibility,
      expectedVersion,
    });
    return this.run('CASE0627', command);
  }

  @CaseActionRoute('resolve', 'CASE0619', [Permission.CASE_RESOLVE])
  resolve(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { resolution, comment, commentVisibility }: ResolveCaseRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new ResolveCaseCommand(actor, ref, resolution, {
      comment,
      commentVisibility,
      expectedVersion,
    });
    return this.run('CASE0619', command);
  }

  @CaseActionRoute('complete', 'CASE0621', [Permission.CASE_COMPLETE])
  complete(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.run(
      'CASE0621',
      new CompleteCaseCommand(actor, ref, { comment, commentVisibility, expectedVersion }),
    );
  }

  @CaseActionRoute('cancel', 'CASE0629', [Permission.CASE_CANCEL])
  cancel(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { reason, comment, commentVisibility }: CancelCaseRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const command = new CancelCaseCommand(actor, ref, reason, {
      comment,
      commentVisibility,
      expectedVersion,
    });
    return this.run('CASE0629', command);
  }

  @CaseActionRoute('reopen', 'CASE0631', [Permission.CASE_REOPEN])
  reopen(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() { comment, commentVisibility }: CaseActionRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    return this.run(
      'CASE0631',
      new ReopenCaseCommand(actor, ref, { comment, commentVisibility, expectedVersion }),
    );
  }

  private run(code: SuccessCode, command: CaseActionCommand): Written {
    return this.answers.after(code, command.actor, command);
  }
}
