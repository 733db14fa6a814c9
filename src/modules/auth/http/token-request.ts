import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { IssueClientTokenRequestDto } from '../commands/issue-client-token/issue-client-token.request.dto';

const PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'scope'] as const;
const MAX_CLIENT_ID = 100;
const MAX_SECRET = 200;

export interface ClientCredentials {
  clientId: string;
  secret: string;
}

const invalidClient = (message: string) =>
  new DomainError(ErrorCode.InvalidClientCredentials, message);

/** RFC 6749 Appendix B: `+` is a space, then percent-decoding; undefined when malformed. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** client_secret_basic (RFC 6749 §2.3.1): form-encoded id and secret as Basic user and password. */
function readBasic(authorization: string): ClientCredentials {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization);
  if (!match) throw invalidClient('Client authentication must use HTTP Basic or the body.');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const clientId = colon > 0 ? formDecode(decoded.slice(0, colon)) : undefined;
  const secret = colon > 0 ? formDecode(decoded.slice(colon + 1)) : undefined;
  if (!clientId || !secret) throw invalidClient('Malformed HTTP Basic client credentials.');
  return { clientId, secret };
}

/**
 * The known parameters of a token request. RFC 6749 §3.2: unknown parameters are ignored and an
 * empty one counts as omitted; a repeated one (an array in a form body) is invalid.
 */
function parameters(body: unknown): Partial<Record<(typeof PARAMETERS)[number], string>> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DomainError(ErrorCode.BadRequest, 'The token request must be a set of parameters.');
  }
  const known = Object.fromEntries(
    PARAMETERS.map((name) => [name, (body as Record<string, unknown>)[name]]).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const errors = validateSync(plainToInstance(IssueClientTokenRequestDto, known), {
    stopAtFirstError: true,
  });
  if (errors.length) {
    const details = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })),
    );
    throw new DomainError(ErrorCode.ValidationFailed, undefined, details);
  }
  return known as Partial<Record<(typeof PARAMETERS)[number], string>>;
}

/** The client's credentials from a client-credentials token request, or the RFC 6749 error. */
export function readTokenRequest(body: unknown, authorization?: string): ClientCredentials {
  const params = parameters(body);
  if (params.grant_type !== 'client_credentials') throw new DomainError(ErrorCode.InvalidGrant);
  let credentials: ClientCredentials;
  if (authorization) {
    credentials = readBasic(authorization);
    if (params.client_secret !== undefined) {
      throw new DomainError(
        ErrorCode.BadRequest,
        'Use one client authentication method: HTTP Basic or client_secret in the body.',
      );
    }
    if (params.client_id !== undefined && params.client_id !== credentials.clientId) {
      throw new DomainError(ErrorCode.BadRequest, 'client_id differs from the HTTP Basic user.');
    }
  } else {
    if (!params.client_id || !params.client_secret) {
      throw invalidClient(
        'Client authentication is required: HTTP Basic, or client_id and client_secret.',
      );
    }
    credentials = { clientId: params.client_id, secret: params.client_secret };
  }
  if (credentials.clientId.length > MAX_CLIENT_ID || credentials.secret.length > MAX_SECRET) {
    throw new DomainError(ErrorCode.InvalidClientCredentials);
  }
  return credentials;
}
