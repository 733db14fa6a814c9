import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { CaseResponseDto } from '../../../cases';

export class RunViewQuery extends Query<ListEnvelope<CaseResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly viewId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
