import { Body, Controller, Delete, Get, HttpStatus, Query } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../../shared/http/api-responses';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { ListEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { AddCaseLinkCommand } from '../commands/add-case-link/add-case-link.command';
import { AddCaseLinkRequestDto } from '../commands/add-case-link/add-case-link.request.dto';
import { RemoveCaseLinkCommand } from '../commands/remove-case-link/remove-case-link.command';
import { GetCaseLinkQuery } from '../queries/get-case-link/get-case-link.query';
import { ListCaseLinksQuery } from '../queries/list-case-links/list-case-links.query';
import { CaseLinkResponseDto } from './case-link.response.dto';

const { CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED } = Permission;

/** Links between two cases of the tenant, both visible to the caller. */
@ApiTags('case-links')
@Controller('api/v1/cases/:id/links')
export class CaseLinksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Parent/child links may not make a case its own ancestor; the same link twice is a 409. */
  @Post()
  @RequirePermissions(Permission.CASE_EDIT)
  @ApiWrite('CASE1400', CaseLinkResponseDto, HttpStatus.CREATED)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseLinkToSelf,
    ErrorCode.CaseNotFound,
    ErrorCode.CaseLinkCycle,
    ErrorCode.CaseLinkExists,
  )
  async add(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Body() body: AddCaseLinkRequestDto,
  ): Promise<WriteEnvelope<CaseLinkResponseDto>> {
    const command = new AddCaseLinkCommand(actor, ref, body.type, body.caseId.toLowerCase());
    const { linkId, caseId } = await this.commands.execute(command);
    return written(
      'CASE1400',
      await this.queries.execute(new GetCaseLinkQuery(actor, caseId, linkId)),
    );
  }

  /** Oldest first; links to cases the caller cannot see are left out. */
  @Get()
  @RequirePermissions(CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED)
  @ApiList(CaseLinkResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.CaseNotFound)
  list(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<CaseLinkResponseDto>> {
    return this.queries.execute(
      new ListCaseLinksQuery(actor, ref, q.limit ?? DEFAULT_LIMIT, q.cursor),
    );
  }

  @Delete(':linkId')
  @RequirePermissions(Permission.CASE_EDIT)
  @ApiWrite('CASE1401', null)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound, ErrorCode.CaseLinkNotFound)
  async remove(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @UuidParam('linkId') linkId: string,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new RemoveCaseLinkCommand(actor, ref, linkId.toLowerCase()));
    return written('CASE1401', { id: linkId });
  }
}
