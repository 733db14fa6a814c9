import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors } from '../../../shared/http/api-responses';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { read, ReadEnvelope } from '../../../shared/http/envelope';
import { VIEW_PERMISSIONS } from '../../cases';
import { ListCaseSlasQuery } from '../queries/list-case-slas/list-case-slas.query';
import { CaseSlaResponseDto } from './case-sla.response.dto';

@ApiTags('slas')
@Controller('api/v1/cases/:id/slas')
export class CaseSlasController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The case's SLAs in business minutes on each one's calendar, up to now. `:id` is the case
   * GUID or displayId; visible under any of the caller's view permissions, otherwise 404.
   */
  @Get()
  @RequirePermissions(...VIEW_PERMISSIONS)
  @ApiExtraModels(CaseSlaResponseDto)
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      required: ['data'],
      properties: { data: { type: 'array', items: { $ref: getSchemaPath(CaseSlaResponseDto) } } },
    },
  })
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseNotFound)
  async list(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') caseRef: CaseRef,
  ): Promise<ReadEnvelope<CaseSlaResponseDto[]>> {
    return read(await this.queries.execute(new ListCaseSlasQuery(actor, caseRef)));
  }
}
