import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authConfig, AuthConfig } from '../../../../config/configuration';
import { signToken } from '../../../../shared/auth/token-signer';
import { DomainError } from '../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { OAuthClientRepository } from '../../domain/oauth-client.repository';
import { verifySecret } from '../../domain/secret-hash';
import { IssueClientTokenCommand, IssuedToken } from './issue-client-token.command';

@CommandHandler(IssueClientTokenCommand)
export class IssueClientTokenHandler implements ICommandHandler<IssueClientTokenCommand> {
  constructor(
    private readonly clients: OAuthClientRepository,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async execute({ oauthClientId, secret }: IssueClientTokenCommand): Promise<IssuedToken> {
    if (!this.config.selfSigned) {
      throw new DomainError(
        ErrorCode.DependencyUnavailable,
        'OAuth client tokens need JWT_SECRET to be configured.',
      );
    }
    const client = await this.clients.findActiveById(oauthClientId);
    if (!client || !(await verifySecret(secret, client.secretHash))) {
      throw new DomainError(ErrorCode.InvalidClientCredentials);
    }
    const ttl = Math.min(this.config.tokenTtlSeconds, 3600);
    const token = signToken(
      this.config,
      {
        sub: client.id,
        client_id: client.clientId,
        permissions: client.permissions,
        name: client.name,
        kind: 'client',
      },
      ttl,
    );
    return { access_token: token, token_type: 'Bearer', expires_in: ttl };
  }
}
