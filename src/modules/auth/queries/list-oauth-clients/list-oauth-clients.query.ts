import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { OAuthClientResponseDto } from '../../http/oauth-client.response.dto';

export class ListOAuthClientsQuery extends Query<ListEnvelope<OAuthClientResponseDto>> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
