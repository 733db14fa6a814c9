import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/time/clock';
import { generateSecret, hashSecret } from '../../domain/secret-hash';
import { OAuthClientRepository } from '../../domain/oauth-client.repository';
import { CreatedOAuthClient, CreateOAuthClientCommand } from './create-oauth-client.command';

@CommandHandler(CreateOAuthClientCommand)
export class CreateOAuthClientHandler implements ICommandHandler<CreateOAuthClientCommand> {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    name,
    permissions,
  }: CreateOAuthClientCommand): Promise<CreatedOAuthClient> {
    const secret = generateSecret();
    const client = await this.clients.insert({
      clientId: actor.clientId,
      name,
      permissions: [...new Set(permissions)],
      secretHash: await hashSecret(secret),
      createdBy: actor.userId,
      createdAt: this.clock.now(),
    });
    return {
      clientId: client.id,
      clientSecret: secret,
      name: client.name,
      permissions: client.permissions,
      createdAt: client.createdAt,
    };
  }
}
