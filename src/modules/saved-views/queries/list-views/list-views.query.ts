import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { SavedViewResponseDto } from '../../http/saved-view.response.dto';

export class ListViewsQuery extends Query<ListEnvelope<SavedViewResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
