import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseListItem } from '../../../cases';

export class RunViewQuery extends Query<ListEnvelope<CaseListItem>> {
  constructor(
    readonly actor: Actor,
    readonly viewId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
