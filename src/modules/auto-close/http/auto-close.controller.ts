import { Controller, Get, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../../shared/http/api-responses';
import { ListEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { JobRuns } from '../../../shared/scheduling/job-runs';
import { EnqueueAutoClose } from '../enqueue-auto-close/enqueue-auto-close';
import { ListAutoCloseEligibleQuery } from '../queries/list-auto-close-eligible/list-auto-close-eligible.query';
import { AutoCloseEligibleDto } from './auto-close-eligible.response.dto';
import { AutoCloseEnqueuedDto } from './auto-close-enqueued.response.dto';

/** The seed's CaseAutoCloseJob for an external scheduler, on the caller's tenant only. */
@ApiTags('jobs')
@Controller('api/v1/jobs/auto-close')
export class AutoCloseController {
  constructor(
    private readonly queries: QueryBus,
    private readonly enqueueAutoClose: EnqueueAutoClose,
    private readonly runs: JobRuns,
  ) {}

  @Get('eligible')
  @RequirePermissions(Permission.CASE_AUTOCLOSE_VIEW)
  @ApiOperation({ summary: 'RESOLVED cases whose case type’s autoCloseHours have passed' })
  @ApiList(AutoCloseEligibleDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  eligible(
    @CurrentActor() actor: Actor,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<AutoCloseEligibleDto>> {
    return this.queries.execute(
      new ListAutoCloseEligibleQuery(actor, q.limit ?? DEFAULT_LIMIT, q.cursor),
    );
  }

  @Post()
  @RequirePermissions(Permission.CASE_AUTOCLOSE_VIEW)
  @ApiOperation({ summary: 'Queue one case.auto-close message per eligible case' })
  @ApiWrite('CASE1005', AutoCloseEnqueuedDto)
  @ApiErrors()
  async enqueue(@CurrentActor() actor: Actor): Promise<WriteEnvelope<AutoCloseEnqueuedDto>> {
    const { clientId } = actor;
    const run = { job: 'auto-close', clientId, trigger: 'api' } as const;
    const result = await this.runs.record(run, () => this.enqueueAutoClose.run({ clientId }));
    return written('CASE1005', result);
  }
}
