import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { BulkResultResponseDto } from '../../http/bulk-result.response.dto';
import { BulkAction } from './bulk-actions';
import { BulkParamsRequestDto } from './bulk-params.request.dto';

export class RunBulkActionCommand extends Command<BulkResultResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly caseIds: string[],
    readonly action: BulkAction,
    readonly params: BulkParamsRequestDto,
  ) {
    super();
  }
}
