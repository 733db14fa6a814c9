import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Algorithm } from 'jsonwebtoken';
import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig, AuthConfig } from '../../../config/configuration';
import { Actor } from '../../../shared/auth/actor';
import { Directory } from '../../../shared/directory/directory';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { decodeToken, readClaims } from '../domain/access-token';
import { OAuthClientRepository } from '../domain/oauth-client.repository';

/**
 * The verification keys, parsed once. Given a string, jsonwebtoken first tries it as a public key
 * and catches the failure before taking it as a secret: for HS256 that thrown error cost about
 * 0.8 ms of CPU on every request. A public key that does not parse stays text, as it was before.
 */
interface VerificationKeys {
  secret: KeyObject;
  publicKey?: KeyObject | string;
}

function verificationKeys(config: AuthConfig): VerificationKeys {
  const secret = createSecretKey(Buffer.from(config.secret));
  if (!config.publicKey) return { secret };
  try {
    return { secret, publicKey: createPublicKey(config.publicKey) };
  } catch {
    return { secret, publicKey: config.publicKey };
  }
}

/**
 * The key a token is checked against, or undefined. Algorithms are pinned to keys: HS256 only ever
 * verifies with JWT_SECRET, RS256/ES256 only with JWT_PUBLIC_KEY, so a token can never pick the
 * key it is checked against. With an identity provider configured, HS256 is left for the OAuth
 * client tokens this service mints itself.
 */
function keyFor(raw: string, config: AuthConfig, keys: VerificationKeys) {
  const token = decodeToken(raw);
  if (!token) return undefined;
  const { alg } = token.header;
  if (alg === 'HS256' && !config.publicKey) return keys.secret;
  if (alg === 'HS256' && token.payload.kind === 'client' && config.selfSigned) return keys.secret;
  if ((alg === 'RS256' || alg === 'ES256') && config.publicKey) return keys.publicKey;
  return undefined;
}

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
    const keys = verificationKeys(config);
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken as is; its typings predate KeyObject keys.
      secretOrKeyProvider: (
        _req: unknown,
        raw: string,
        done: (e: unknown, k?: string | Buffer) => void,
      ) => {
        // The token is untrusted input: only a well-formed one reaches jsonwebtoken, which throws
        // (rather than fails) on some malformed payloads.
        const key = keyFor(raw, config, keys);
        if (key) done(null, key as unknown as Buffer);
        else done(new DomainError(ErrorCode.InvalidToken));
      },
      algorithms,
      issuer: config.issuer,
      audience: config.audience,
      ignoreExpiration: false,
    });
  }

  async validate(payload: unknown): Promise<Actor> {
    const claims = readClaims(payload);
    if (!claims) throw new DomainError(ErrorCode.InvalidToken);
    const { sub, clientId, kind } = claims;
    if (kind === 'client' && !(await this.clients.isActive(clientId, sub))) {
      throw new DomainError(ErrorCode.InvalidToken);
    }
    // The caller's groups are the token's and the directory's: one primary-key lookup, reused for
    // a few seconds (SqlDirectory.groupsOf); a change made through this instance counts at once.
    const directoryGroups = kind === 'user' ? await this.directory.groupsOf(clientId, sub) : [];
    const groups = [...new Set([...claims.groups, ...directoryGroups])];
    return new Actor(clientId, sub, new Set(claims.permissions), groups, kind, claims.name);
  }
}
