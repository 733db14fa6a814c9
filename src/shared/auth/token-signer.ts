import * as jwt from 'jsonwebtoken';
import { AuthConfig } from '../../config/configuration';

export interface TokenClaims {
  sub: string;
  client_id: string;
  permissions: string[];
  groups?: string[];
  name?: string;
  kind?: 'user' | 'client';
}

/** Signs HS256 tokens with JWT_SECRET (development tokens, OAuth client-credentials tokens). */
export function signToken(
  config: AuthConfig,
  claims: TokenClaims,
  ttlSeconds = config.tokenTtlSeconds,
): string {
  return jwt.sign({ groups: [], ...claims }, config.secret, {
    algorithm: 'HS256',
    expiresIn: ttlSeconds,
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  });
}
