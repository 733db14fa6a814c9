import { DomainError } from '../../../shared/errors/domain-error';
import { readTokenRequest } from './token-request';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const grant = { grant_type: 'client_credentials' };

function codeOf(body: unknown, authorization?: string): string | undefined {
  try {
    readTokenRequest(body, authorization);
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('readTokenRequest', () => {
  it('form-decodes the HTTP Basic user and password (RFC 6749 §2.3.1)', () => {
    expect(readTokenRequest(grant, basic('a%3Ab+c', 's%25e+c%2Bret:x'))).toEqual({
      clientId: 'a:b c',
      secret: 's%e c+ret:x',
    });
    expect(readTokenRequest(grant, `basic  ${Buffer.from('id:pw').toString('base64')}`)).toEqual({
      clientId: 'id',
      secret: 'pw',
    });
  });

  it('takes client_secret_post from the body and ignores unknown or empty parameters', () => {
    expect(
      readTokenRequest({ ...grant, client_id: 'id', client_secret: 'pw', scope: '', extra: [1] }),
    ).toEqual({ clientId: 'id', secret: 'pw' });
  });

  it.each([
    ['malformed percent-encoding', grant, basic('%zz', 'pw'), 'CASE4012'],
    ['no colon', grant, `Basic ${Buffer.from('idpw').toString('base64')}`, 'CASE4012'],
    ['empty password', grant, basic('id', ''), 'CASE4012'],
    ['another scheme', grant, 'Bearer abc', 'CASE4012'],
    ['no credentials', grant, undefined, 'CASE4012'],
    ['an over-long Basic secret', grant, basic('id', 'x'.repeat(201)), 'CASE4012'],
    ['two methods', { ...grant, client_secret: 'pw' }, basic('id', 'pw'), 'CASE4004'],
    ['a body that is not an object', 'grant_type=client_credentials', undefined, 'CASE4004'],
    ['null', null, undefined, 'CASE4004'],
    ['a repeated parameter', { ...grant, client_id: ['a', 'b'] }, undefined, 'CASE4000'],
    ['no grant_type', { client_id: 'id', client_secret: 'pw' }, undefined, 'CASE4000'],
    ['another grant', { grant_type: 'password' }, basic('id', 'pw'), 'CASE4006'],
  ])('%s → %s', (_label, body, authorization, code) => {
    expect(codeOf(body, authorization)).toBe(code);
  });
});
