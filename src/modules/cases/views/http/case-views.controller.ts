import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../../shared/auth/auth.decorators';
import { Permission } from '../../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { ApiErrors, ApiList } from '../../../../shared/http/api-responses';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { DEFAULT_LIMIT } from '../../../../shared/http/pagination';
import { CaseResponseDto } from '../../http/case.response.dto';
import { CaseView, ListCasesQuery } from '../queries/list-cases/list-cases.query';
import { ListCasesRequestDto } from '../queries/list-cases/list-cases.request.dto';

type CaseList = Promise<ListEnvelope<CaseResponseDto>>;

@ApiTags('cases')
@Controller('api/v1/cases')
export class CaseViewsController {
  constructor(private readonly queries: QueryBus) {}

  /** All cases of the tenant. */
  @Get()
  @RequirePermissions(Permission.CASE_VIEW)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  all(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'all', q);
  }

  /** Cases assigned to the caller or to one of the caller's groups. */
  @Get('assigned')
  @RequirePermissions(Permission.CASE_VIEW_ASSIGNED)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  assigned(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'assigned', q);
  }

  /** Cases the caller initiated. */
  @Get('mine')
  @RequirePermissions(Permission.CASE_VIEW_MINE)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  mine(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'mine', q);
  }

  /** Cases assigned to no user and no group. */
  @Get('unassigned')
  @RequirePermissions(Permission.CASE_VIEW_UNASSIGNED)
  @ApiList(CaseResponseDto)
  @ApiErrors(ErrorCode.InvalidCursor)
  unassigned(@CurrentActor() actor: Actor, @Query() q: ListCasesRequestDto): CaseList {
    return this.list(actor, 'unassigned', q);
  }

  private list(actor: Actor, view: CaseView, request: ListCasesRequestDto): CaseList {
    const { limit = DEFAULT_LIMIT, cursor, sort = 'createdAt', ...filters } = request;
    return this.queries.execute(new ListCasesQuery(actor, view, filters, sort, limit, cursor));
  }
}
