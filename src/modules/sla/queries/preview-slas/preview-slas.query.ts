import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { SlaPreviewRequestDto } from './preview-slas.request.dto';
import { SlaPreviewResponseDto } from './sla-preview.response.dto';

export class PreviewSlasQuery extends Query<SlaPreviewResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
    readonly proposal: SlaPreviewRequestDto,
  ) {
    super();
  }
}
