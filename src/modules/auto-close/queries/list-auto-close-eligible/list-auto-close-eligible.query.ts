import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { AutoCloseEligibleDto } from '../../http/auto-close-eligible.response.dto';

export class ListAutoCloseEligibleQuery extends Query<ListEnvelope<AutoCloseEligibleDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
