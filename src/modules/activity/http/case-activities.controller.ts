import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList } from '../../../shared/http/api-responses';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { ListEnvelope } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { ListCaseActivitiesQuery } from '../queries/list-case-activities/list-case-activities.query';
import { CaseActivityResponseDto } from './case-activity.response.dto';

@ApiTags('activity')
@Controller('api/v1/cases/:id/activities')
export class CaseActivitiesController {
  constructor(private readonly queries: QueryBus) {}

  /** The case's activity log, oldest first. `:id` is the case GUID or displayId. */
  @Get()
  @RequirePermissions(Permission.CASE_ACTIVITY_VIEW)
  @ApiList(CaseActivityResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.CaseNotFound)
  list(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') caseRef: CaseRef,
    @Query() page: PageQueryDto,
  ): Promise<ListEnvelope<CaseActivityResponseDto>> {
    return this.queries.execute(
      new ListCaseActivitiesQuery(actor, caseRef, page.limit ?? DEFAULT_LIMIT, page.cursor),
    );
  }
}
