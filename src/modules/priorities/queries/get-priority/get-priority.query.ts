import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { PriorityResponseDto } from '../../http/priority.response.dto';

export class GetPriorityQuery extends Query<PriorityResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly priorityId: string,
  ) {
    super();
  }
}
