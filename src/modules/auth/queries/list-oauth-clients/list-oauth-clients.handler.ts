import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { OAuthClientRepository } from '../../domain/oauth-client.repository';
import { OAuthClientResponseDto } from '../../http/oauth-client.response.dto';
import { ListOAuthClientsQuery } from './list-oauth-clients.query';

@QueryHandler(ListOAuthClientsQuery)
export class ListOAuthClientsHandler implements IQueryHandler<ListOAuthClientsQuery> {
  constructor(private readonly clients: OAuthClientRepository) {}

  async execute({
    actor,
    limit,
    cursor,
  }: ListOAuthClientsQuery): Promise<ListEnvelope<OAuthClientResponseDto>> {
    const rows = await this.clients.list(
      actor.clientId,
      limit + 1,
      decodeCursor(cursor, ['timestamp', 'uuid']),
    );
    const page = toPage(rows, limit, (c) => [c.createdAt.toISOString(), c.id]);
    return {
      ...page,
      data: page.data.map((c) => ({
        clientId: c.id,
        name: c.name,
        permissions: c.permissions,
        createdBy: c.createdBy,
        createdAt: c.createdAt,
      })),
    };
  }
}
