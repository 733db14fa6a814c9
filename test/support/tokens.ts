import * as jwt from 'jsonwebtoken';
import { createHmac } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { TEST_JWT_SECRET } from './test-env';

export interface TokenOptions {
  tenant: string;
  user?: string;
  permissions?: (Permission | string)[];
  groups?: string[];
  expiresIn?: number;
  secret?: string;
  extra?: Record<string, unknown>;
}

export function tokenFor(options: TokenOptions): string {
  const {
    tenant,
    user = 'alice',
    permissions = [Permission.CASE_ALL],
    groups = [],
    expiresIn = 600,
  } = options;
  return jwt.sign(
    { sub: user, client_id: tenant, permissions, groups, ...options.extra },
    options.secret ?? TEST_JWT_SECRET,
    { algorithm: 'HS256', expiresIn },
  );
}

export function bearer(options: TokenOptions): { Authorization: string } {
  return { Authorization: `Bearer ${tokenFor(options)}` };
}

const segment = (text: string) => Buffer.from(text).toString('base64url');

/** A compact JWS over any header and payload text, HS256-signed with the test secret. */
export function signedRaw(
  header: unknown,
  payload: string,
  secret: string = TEST_JWT_SECRET,
): string {
  const input = `${segment(JSON.stringify(header))}.${segment(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/**
 * Tokens that are not a JSON object with valid claims, each correctly signed unless its label
 * says otherwise: every one must be answered 401 CASE4011, none may reach a 5xx.
 */
export function malformedTokens(tenant: string): [string, string][] {
  const jwtHeader = { alg: 'HS256', typ: 'JWT' };
  const exp = Math.floor(Date.now() / 1000) + 600;
  const valid = { sub: 'alice', client_id: tenant, permissions: [Permission.CASE_ALL], exp };
  const claims = (overrides: Record<string, unknown>) =>
    signedRaw(jwtHeader, JSON.stringify({ ...valid, ...overrides }));
  const raw = (payload: string, header: unknown = jwtHeader) => signedRaw(header, payload);
  return [
    [
      'non-JSON payload (unsigned, from the issue)',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.bm90IGpzb24.x',
    ],
    ['non-JSON payload', raw('not json')],
    ['null payload', raw('null')],
    ['array payload', raw(JSON.stringify([valid]))],
    ['string payload', raw('"alice"')],
    ['number payload', raw('42')],
    ['non-JSON payload without typ', raw('not json', { alg: 'HS256' })],
    ['non-JSON header', `${segment('{alg')}.${segment(JSON.stringify(valid))}.x`],
    ['null header', `${segment('null')}.${segment(JSON.stringify(valid))}.x`],
    ['array header', raw(JSON.stringify(valid), [jwtHeader])],
    ['a header without alg', raw(JSON.stringify(valid), { typ: 'JWT' })],
    ['wrong typ', raw(JSON.stringify(valid), { alg: 'HS256', typ: 'JWE' })],
    ['non-string typ', raw(JSON.stringify(valid), { alg: 'HS256', typ: 5 })],
    ['a crit header', raw(JSON.stringify(valid), { ...jwtHeader, crit: ['b64'], b64: false })],
    ['four segments', `${claims({})}.x`],
    ['non-base64url characters', `${claims({}).slice(0, 10)}%%.e30.x`],
    ['missing exp', claims({ exp: undefined })],
    ['exp as a string', claims({ exp: String(exp) })],
    ['no client_id', claims({ client_id: undefined })],
    ['blank client_id', claims({ client_id: '   ' })],
    ['empty client_id', claims({ client_id: '' })],
    ['client_id over 64 characters', claims({ client_id: 'c'.repeat(65) })],
    ['client_id with a control character', claims({ client_id: `${tenant}\u0000` })],
    ['client_id with a newline', claims({ client_id: `${tenant}\n` })],
    ['client_id with surrounding spaces', claims({ client_id: ` ${tenant}` })],
    ['numeric client_id', claims({ client_id: 42 })],
    ['object client_id', claims({ client_id: { id: tenant } })],
    ['array client_id', claims({ client_id: [tenant] })],
    ['no sub', claims({ sub: undefined })],
    ['numeric sub', claims({ sub: 7 })],
    ['empty sub', claims({ sub: '' })],
    ['sub over 200 characters', claims({ sub: 's'.repeat(201) })],
    ['sub with a control character', claims({ sub: 'ali\u0007ce' })],
    ['permissions as a string', claims({ permissions: 'CASE_ALL' })],
    ['permissions as an object', claims({ permissions: { 0: 'CASE_ALL' } })],
    ['no permissions', claims({ permissions: undefined })],
    ['permissions with a non-string', claims({ permissions: ['CASE_ALL', 7] })],
    ['nested permissions', claims({ permissions: [['CASE_ALL']] })],
    ['too many permissions', claims({ permissions: Array(201).fill('CASE_VIEW') })],
    ['groups not an array', claims({ groups: 'g1' })],
    ['groups with a null', claims({ groups: ['g1', null] })],
    ['groups with an object', claims({ groups: [{ id: 'g1' }] })],
    ['a non-string name', claims({ name: { first: 'A' } })],
    ['an unknown kind', claims({ kind: 'admin' })],
    ['a huge token', claims({ groups: Array.from({ length: 700 }, (_, i) => `group-${i}`) })],
  ];
}
