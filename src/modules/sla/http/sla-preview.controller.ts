import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { WriteEnvelope, written } from '../../../shared/http/envelope';
import { UuidParam } from '../../../shared/http/params';
import { PreviewSlasQuery } from '../queries/preview-slas/preview-slas.query';
import { SlaPreviewRequestDto } from '../queries/preview-slas/preview-slas.request.dto';
import { SlaPreviewResponseDto } from '../queries/preview-slas/sla-preview.response.dto';

@ApiTags('slas')
@Controller('api/v1/case-types/:id/sla-preview')
export class SlaPreviewController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * What replacing the case type's SLAs (and calendar) would do to its open cases' SLA clocks,
   * validated as PATCH /case-types/:id validates them. Changes nothing.
   */
  @Post()
  @RequirePermissions(Permission.CASE_DEF_EDIT)
  @ApiWrite('CASE1500', SlaPreviewResponseDto)
  @ApiErrors(ErrorCode.InvalidConfiguration, ErrorCode.CaseTypeNotFound)
  async preview(
    @CurrentActor() actor: Actor,
    @UuidParam('id') caseTypeId: string,
    @Body() body: SlaPreviewRequestDto,
  ): Promise<WriteEnvelope<SlaPreviewResponseDto>> {
    const result = await this.queries.execute(new PreviewSlasQuery(actor, caseTypeId, body));
    return written('CASE1500', result);
  }
}
