import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../../../shared/errors/error-codes';

export const OAUTH_TOKEN_PATH = '/api/v1/oauth/token';
export const OAUTH_REALM = 'case-management';

export type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';

/** The RFC 6749 §5.2 error a coded 400 or 401 of the token endpoint stands for. */
export function oauthErrorOf(status: number, code: unknown): OAuthError | undefined {
  if (status === 401) return 'invalid_client';
  if (status !== 400) return undefined;
  return code === ErrorCode.InvalidGrant ? 'unsupported_grant_type' : 'invalid_request';
}

/**
 * Mounted on the token endpoint ahead of the body parsers, so that every answer of the route,
 * including a body the parsers refuse, is an OAuth 2.0 one: never cached (RFC 6749 §5.1), and a
 * 400/401 carries `error` and `error_description` (§5.2) beside the service's own error envelope,
 * a 401 with the Basic challenge. 413, 415, 429 and 503 keep the plain envelope: RFC 6749 defines
 * no error for them.
 */
export function oauthTokenResponses(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    const envelope = body as { code?: unknown; message?: unknown } | null;
    const error = envelope && oauthErrorOf(res.statusCode, envelope.code);
    if (!error) return json(body);
    if (error === 'invalid_client') {
      res.setHeader('WWW-Authenticate', `Basic realm="${OAUTH_REALM}", charset="UTF-8"`);
    }
    return json({ error, error_description: envelope.message, ...envelope });
  };
  next();
}
