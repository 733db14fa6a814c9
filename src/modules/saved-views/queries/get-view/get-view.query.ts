import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { SavedViewResponseDto } from '../../http/saved-view.response.dto';

export class GetViewQuery extends Query<SavedViewResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly viewId: string,
  ) {
    super();
  }
}
