import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Algorithm } from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig, AuthConfig } from '../../../config/configuration';
import { Actor } from '../../../shared/auth/actor';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { OAuthClientRepository } from '../domain/oauth-client.repository';

interface JwtPayload {
  sub?: unknown;
  client_id?: unknown;
  permissions?: unknown;
  groups?: unknown;
  name?: unknown;
  kind?: unknown;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly clients: OAuthClientRepository,
  ) {
    const algorithms: Algorithm[] = config.publicKey ? ['RS256', 'ES256'] : ['HS256'];
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.publicKey ?? config.secret,
      algorithms,
      issuer: config.issuer,
      audience: config.audience,
      ignoreExpiration: false,
    });
  }

  async validate(payload: JwtPayload): Promise<Actor> {
    const { sub, client_id: clientId, permissions, groups = [], name } = payload;
    if (typeof sub !== 'string' || !sub || typeof clientId !== 'string' || !clientId) {
      throw new DomainError(ErrorCode.InvalidToken);
    }
    if (!isStringArray(permissions) || !isStringArray(groups))
      throw new DomainError(ErrorCode.InvalidToken);
    const kind = payload.kind === 'client' ? 'client' : 'user';
    if (kind === 'client' && !(await this.clients.isActive(clientId, sub))) {
      throw new DomainError(ErrorCode.InvalidToken);
    }
    return new Actor(
      clientId,
      sub,
      new Set(permissions),
      groups,
      kind,
      typeof name === 'string' ? name : undefined,
    );
  }
}
