import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../../shared/auth/auth.decorators';
import { Permission } from '../../../../shared/auth/permission.enum';
import { CaseRef } from '../../../../shared/domain/case-ref';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiRead } from '../../../../shared/http/api-responses';
import { CaseRefParam } from '../../../../shared/http/case-ref.param';
import { ListEnvelope, read, ReadEnvelope } from '../../../../shared/http/envelope';
import { ApiNotModified, VersionETag } from '../../../../shared/http/etag';
import { DEFAULT_LIMIT } from '../../../../shared/http/pagination';
import { VIEW_PERMISSIONS } from '../../domain/case-visibility';
import { CaseResponseDto } from '../../http/case.response.dto';
import { GetCaseQuery } from '../../queries/get-case/get-case.query';
import { CaseListItem, CaseView, ListCasesQuery } from '../queries/list-cases/list-cases.query';
import { ListCasesRequestDto } from '../queries/list-cases/list-cases.request.dto';

type CaseList = Promise<ListEnvelope<CaseListItem>>;

/**
 * Every `GET /cases` and `GET /cases/<one segment>` route. Express matches routes in the order
 * they were registered and Nest registers a controller's methods in declaration order, so the
 * literal views stand above `:id` here, in one class, and no module order can put `:id` first
 * (test/e2e/case-route-order.e2e-spec.ts).
 */
@ApiTags('cases')
@Controller('api/v1/cases')
export class CaseViewsController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * All cases of the tenant. Every list also filters on custom fields with
   * `?field.<key>=<value>` (typed by the field when `caseTypeId` is given).
   */
  @Get()
  @RequirePermissions(Permission.CASE_VIEW)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor, ErrorCode.InvalidFieldFilter)
  all(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'all', q);
  }

  /** Cases assigned to the caller or to one of the caller's groups. */
  @Get('assigned')
  @RequirePermissions(Permission.CASE_VIEW_ASSIGNED)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor, ErrorCode.InvalidFieldFilter)
  assigned(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'assigned', q);
  }

  /** Cases the caller initiated. */
  @Get('mine')
  @RequirePermissions(Permission.CASE_VIEW_MINE)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor, ErrorCode.InvalidFieldFilter)
  mine(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'mine', q);
  }

  /** Cases assigned to no user and no group. */
  @Get('unassigned')
  @RequirePermissions(Permission.CASE_VIEW_UNASSIGNED)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor, ErrorCode.InvalidFieldFilter)
  unassigned(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'unassigned', q);
  }

  /**
   * `:id` is the case GUID or its displayId; visible under any of the caller's view permissions,
   * otherwise 404. `If-None-Match` with the current ETag answers 304.
   */
  @Get(':id')
  @RequirePermissions(...VIEW_PERMISSIONS)
  @VersionETag()
  @ApiRead(CaseResponseDto)
  @ApiNotModified()
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound)
  async get(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') caseRef: CaseRef,
  ): Promise<ReadEnvelope<CaseResponseDto>> {
    return read(await this.queries.execute(new GetCaseQuery(actor, caseRef)));
  }

  private list(actor: Actor, view: CaseView, request: ListCasesRequestDto): CaseList {
    const { limit = DEFAULT_LIMIT, cursor, sort = 'createdAt', ...filters } = request;
    return this.queries.execute(new ListCasesQuery(actor, view, filters, sort, limit, cursor));
  }
}
