import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { JwtAuthGuard } from './jwt-auth.guard';

const guard = new JwtAuthGuard(new Reflector());
const context = (authorization?: string) =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }),
  }) as unknown as ExecutionContext;

function outcome(err: unknown, user: unknown, authorization?: string): unknown {
  try {
    return guard.handleRequest(err, user, undefined, context(authorization));
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
}

describe('JwtAuthGuard.handleRequest', () => {
  it('no token is CASE4010, a refused token CASE4011, a valid one passes', () => {
    expect(outcome(null, false)).toBe('CASE4010');
    expect(outcome(null, false, 'Bearer x')).toBe('CASE4011');
    expect(outcome(new DomainError(ErrorCode.InvalidToken), false, 'Bearer x')).toBe('CASE4011');
    expect(outcome(null, { id: 'actor' }, 'Bearer x')).toEqual({ id: 'actor' });
  });

  it('a failure behind the token check (the database) is not reported as a bad token', () => {
    const down = Object.assign(new Error('Connection terminated unexpectedly'), {
      code: 'ECONNRESET',
    });
    expect(outcome(down, false, 'Bearer x')).toBe(down);
  });
});
