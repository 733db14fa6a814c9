import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { WriteEnvelope, written } from '../../../shared/http/envelope';
import { JobRuns } from '../../../shared/scheduling/job-runs';
import { DueDateCheck } from '../checks/due-date-check/due-date-check';
import { DueDateCheckRequestDto } from '../checks/due-date-check/due-date-check.request.dto';
import { SlaCheck } from '../checks/sla-check/sla-check';
import { SlaCheckRequestDto } from '../checks/sla-check/sla-check.request.dto';
import { DueDateCheckResultDto } from './due-date-check-result.response.dto';
import { SlaCheckResultDto } from './sla-check-result.response.dto';

/**
 * The checks for an external scheduler, on the caller's tenant only, each call a run in the
 * tenant's run log (trigger `api`). A run that met errors still
 * answers 200: what it marked is committed and stays marked, and the counts say what happened
 * (`errors`, `stopped`); a 5xx would invite a blind retry and hide them.
 */
@ApiTags('jobs')
@Controller('api/v1/jobs')
export class DeadlineChecksController {
  constructor(
    private readonly slaCheck: SlaCheck,
    private readonly dueDateCheck: DueDateCheck,
    private readonly runs: JobRuns,
  ) {}

  @Post('sla-check')
  @RequirePermissions(Permission.CASE_CHECK_SLA)
  @ApiOperation({ summary: 'Warn and violate the due SLAs of the tenant’s open cases, once each' })
  @ApiWrite('CASE9006', SlaCheckResultDto)
  @ApiErrors()
  async checkSlas(
    @CurrentActor() actor: Actor,
    @Body() body: SlaCheckRequestDto,
  ): Promise<WriteEnvelope<SlaCheckResultDto>> {
    const { clientId } = actor;
    const continueOnError = body.continueOnError ?? true;
    const run = { job: 'sla-check', clientId, trigger: 'api' } as const;
    const result = await this.runs.record(run, () =>
      this.slaCheck.run({ clientId, continueOnError }),
    );
    return written('CASE9006', result);
  }

  @Post('due-date-check')
  @RequirePermissions(Permission.CASE_CHECK_DUE_DATES)
  @ApiOperation({
    summary: 'Mark the due-date warnings and excesses of the given case types, once each',
  })
  @ApiWrite('CASE9008', DueDateCheckResultDto)
  @ApiErrors()
  async checkDueDates(
    @CurrentActor() actor: Actor,
    @Body() body: DueDateCheckRequestDto,
  ): Promise<WriteEnvelope<DueDateCheckResultDto>> {
    const { caseTypeIds, continueOnError = true } = body;
    const { clientId } = actor;
    const run = { job: 'due-date-check', clientId, trigger: 'api' } as const;
    const result = await this.runs.record(run, () =>
      this.dueDateCheck.run({ clientId, caseTypeIds, continueOnError }),
    );
    return written('CASE9008', result);
  }
}
