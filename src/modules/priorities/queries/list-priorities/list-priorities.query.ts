import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { PriorityResponseDto } from '../../http/priority.response.dto';

export class ListPrioritiesQuery extends Query<ListEnvelope<PriorityResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
    readonly active?: boolean,
  ) {
    super();
  }
}
