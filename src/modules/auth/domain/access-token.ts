/** Far above any real token; refused before any decoding work. */
export const MAX_TOKEN_LENGTH = 8192;
export const MAX_CLIENT_ID_LENGTH = 64;
/** Same bound as user and group ids elsewhere in the API (IdList). */
export const MAX_ID_LENGTH = 200;
export const MAX_PERMISSIONS = 200;
export const MAX_GROUPS = 500;
const MAX_PERMISSION_LENGTH = 100;
const MAX_NAME_LENGTH = 200;

/** `typ` values identity providers put on access tokens (RFC 7519, RFC 9068); absent is fine too. */
const TOKEN_TYPES = new Set(['jwt', 'application/jwt', 'at+jwt', 'application/at+jwt']);

export interface TokenHeader {
  alg: string;
}

export interface AccessTokenClaims {
  sub: string;
  clientId: string;
  permissions: string[];
  groups: string[];
  name?: string;
  kind: 'user' | 'client';
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Control, format, unassigned and private-use characters: never part of an identifier. */
const INVISIBLE = /\p{C}/u;

/** A plain identifier: a string, not blank, no surrounding spaces, no invisible characters. */
export function isIdentifier(value: unknown, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= max &&
    value.trim() === value &&
    !INVISIBLE.test(value)
  );
}

const isIdentifierList = (value: unknown, maxItems: number, maxLength: number) =>
  Array.isArray(value) &&
  value.length <= maxItems &&
  value.every((v) => isIdentifier(v, maxLength));

function decodeSegment(segment: string | undefined): unknown {
  if (!segment || !/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Header and payload of a compact JWS, before its signature is checked, for choosing the key.
 * Anything but two JSON objects and a signature (or a token this service cannot understand:
 * an unknown `typ`, `crit` extensions) is undefined, so the caller refuses it as 401.
 */
export function decodeToken(raw: string): { header: TokenHeader; payload: Json } | undefined {
  if (raw.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = raw.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeSegment(parts[0]);
  const payload = decodeSegment(parts[1]);
  if (!isObject(header) || !isObject(payload)) return undefined;
  if (typeof header.alg !== 'string' || header.crit !== undefined) return undefined;
  const typ = header.typ;
  if (typ !== undefined && (typeof typ !== 'string' || !TOKEN_TYPES.has(typ.toLowerCase()))) {
    return undefined;
  }
  return { header: { alg: header.alg }, payload };
}

/** The claims of a verified token, or undefined when any of them is missing or malformed. */
export function readClaims(payload: unknown): AccessTokenClaims | undefined {
  if (!isObject(payload)) return undefined;
  const { sub, client_id: clientId, permissions, groups = [], name, kind = 'user' } = payload;
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) return undefined;
  if (!isIdentifier(clientId, MAX_CLIENT_ID_LENGTH) || !isIdentifier(sub, MAX_ID_LENGTH)) {
    return undefined;
  }
  if (!isIdentifierList(permissions, MAX_PERMISSIONS, MAX_PERMISSION_LENGTH)) return undefined;
  if (!isIdentifierList(groups, MAX_GROUPS, MAX_ID_LENGTH)) return undefined;
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME_LENGTH)) {
    return undefined;
  }
  if (kind !== 'user' && kind !== 'client') return undefined;
  return {
    sub,
    clientId,
    permissions: permissions as string[],
    groups: groups as string[],
    ...(name !== undefined ? { name } : {}),
    kind,
  };
}
