import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { Clock } from '../../../../shared/time/clock';
import { OAuthClientRepository } from '../../domain/oauth-client.repository';
import { RevokeOAuthClientCommand } from './revoke-oauth-client.command';

@CommandHandler(RevokeOAuthClientCommand)
export class RevokeOAuthClientHandler implements ICommandHandler<RevokeOAuthClientCommand> {
  constructor(
    private readonly clients: OAuthClientRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, oauthClientId }: RevokeOAuthClientCommand): Promise<void> {
    const revoked = await this.clients.revoke(actor.clientId, oauthClientId, this.clock.now());
    if (!revoked) throw new NotFoundError(ErrorCode.OAuthClientNotFound);
  }
}
