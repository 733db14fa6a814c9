import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import * as jwt from 'jsonwebtoken';
import { Algorithm } from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig, AuthConfig } from '../../../config/configuration';
import { Actor } from '../../../shared/auth/actor';
import { Directory } from '../../../shared/directory/directory';
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

/**
 * Algorithms are pinned to keys: HS256 only ever verifies with JWT_SECRET, RS256/ES256 only with
 * JWT_PUBLIC_KEY, so a token can never pick the key it is checked against. With an identity
 * provider configured, HS256 is left for the OAuth client tokens this service mints itself.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly clients: OAuthClientRepository,
    private readonly directory: Directory,
  ) {
    const algorithms: Algorithm[] = config.publicKey
      ? ['RS256', 'ES256', ...(config.selfSigned ? (['HS256'] as const) : [])]
      : ['HS256'];
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_req: unknown, raw: string, done: (e: unknown, k?: string) => void) => {
        const token = jwt.decode(raw, { complete: true });
        const alg = token?.header.alg;
        if (alg === 'HS256' && !config.publicKey) return done(null, config.secret);
        const kind = (token?.payload as JwtPayload | undefined)?.kind;
        if (alg === 'HS256' && kind === 'client') return done(null, config.secret);
        if ((alg === 'RS256' || alg === 'ES256') && config.publicKey) {
          return done(null, config.publicKey);
        }
        done(new DomainError(ErrorCode.InvalidToken));
      },
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
    // The caller's groups are the token's and the directory's: one primary-key lookup, uncached,
    // so a change in the directory counts from the next request.
    const directoryGroups = kind === 'user' ? await this.directory.groupsOf(clientId, sub) : [];
    return new Actor(
      clientId,
      sub,
      new Set(permissions),
      [...new Set([...groups, ...directoryGroups])],
      kind,
      typeof name === 'string' ? name : undefined,
    );
  }
}
