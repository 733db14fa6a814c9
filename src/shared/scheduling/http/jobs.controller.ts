import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequirePermissions } from '../../auth/auth.decorators';
import { Permission } from '../../auth/permission.enum';
import { TransactionManager } from '../../database/transaction-manager';
import { ForbiddenError } from '../../errors/domain-error';
import { ErrorCode } from '../../errors/error-codes';
import { ApiErrors, ApiList, ApiRead, ApiWrite } from '../../http/api-responses';
import { ListEnvelope, read, ReadEnvelope, WriteEnvelope, written } from '../../http/envelope';
import { DEFAULT_LIMIT } from '../../http/pagination';
import { JOB_NAMES, JOB_PERMISSIONS } from '../job-names';
import { listJobRuns } from '../job-runs.sql';
import { JobSettingsStore } from '../job-settings';
import { JobRunResponseDto } from './job-run.response.dto';
import { JobSettingsRequestDto, JobSettingsResponseDto } from './job-settings.dto';
import { ListJobRunsRequestDto } from './list-job-runs.request.dto';

/** The jobs' run log and the tenant's job settings, for an operator. */
@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    private readonly tx: TransactionManager,
    private readonly settings: JobSettingsStore,
  ) {}

  /** Only the runs of the jobs whose permission the caller holds; `?job=` of another is a 403. */
  @Get('runs')
  @RequirePermissions(
    Permission.CASE_CHECK_SLA,
    Permission.CASE_CHECK_DUE_DATES,
    Permission.CASE_AUTOCLOSE_VIEW,
  )
  @ApiList(JobRunResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  runs(
    @CurrentActor() actor: Actor,
    @Query() q: ListJobRunsRequestDto,
  ): Promise<ListEnvelope<JobRunResponseDto>> {
    const allowed = JOB_NAMES.filter((job) => actor.has(JOB_PERMISSIONS[job]));
    if (q.job && !allowed.includes(q.job)) {
      throw new ForbiddenError(ErrorCode.MissingPermission, `Missing permission for ${q.job}.`);
    }
    const jobs = q.job ? [q.job] : allowed;
    const { limit = DEFAULT_LIMIT, cursor } = q;
    return listJobRuns(this.tx, { clientId: actor.clientId, jobs, limit, cursor });
  }

  @Get('settings')
  @RequirePermissions(Permission.CASE_ALL)
  @ApiRead(JobSettingsResponseDto)
  @ApiErrors()
  async getSettings(@CurrentActor() actor: Actor): Promise<ReadEnvelope<JobSettingsResponseDto>> {
    return read(await this.settings.of(actor.clientId));
  }

  @Put('settings')
  @RequirePermissions(Permission.CASE_ALL)
  @ApiWrite('CASE1520', JobSettingsResponseDto)
  @ApiErrors()
  async putSettings(
    @CurrentActor() actor: Actor,
    @Body() body: JobSettingsRequestDto,
  ): Promise<WriteEnvelope<JobSettingsResponseDto>> {
    const saved = await this.settings.save(actor.clientId, body, actor.userId);
    return written('CASE1520', saved);
  }
}
