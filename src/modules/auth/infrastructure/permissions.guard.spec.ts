import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor } from '../../../shared/auth/actor';
import {
  Authenticated,
  Public,
  RequireAllPermissions,
  RequirePermissions,
} from '../../../shared/auth/auth.decorators';
import { Permission as P } from '../../../shared/auth/permission.enum';
import { DomainError } from '../../../shared/errors/domain-error';
import { PermissionsGuard } from './permissions.guard';

class Routes {
  @RequirePermissions(P.CASE_PROCESS, P.CASE_EDIT)
  anyOf(): void {}

  @RequireAllPermissions(P.CASE_CREATE, P.CASE_EDIT)
  allOf(): void {}

  @Authenticated()
  anyone(): void {}

  @Public()
  open(): void {}

  undeclared(): void {}
}

const guard = new PermissionsGuard(new Reflector());
const actor = (...permissions: P[]) => new Actor('t1', 'u1', new Set(permissions));

function allowed(route: keyof Routes, user?: Actor): boolean | string {
  const context = {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
  try {
    return guard.canActivate(context);
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('PermissionsGuard', () => {
  it('any-of: one listed permission is enough, CASE_ALL passes, others are 403', () => {
    expect(allowed('anyOf', actor(P.CASE_EDIT))).toBe(true);
    expect(allowed('anyOf', actor(P.CASE_PROCESS, P.CASE_VIEW))).toBe(true);
    expect(allowed('anyOf', actor(P.CASE_ALL))).toBe(true);
    expect(allowed('anyOf', actor(P.CASE_VIEW, P.CASE_CREATE))).toBe('CASE4030');
    expect(allowed('anyOf', actor())).toBe('CASE4030');
  });

  it('all-of: every listed permission is needed, CASE_ALL passes', () => {
    expect(allowed('allOf', actor(P.CASE_CREATE, P.CASE_EDIT))).toBe(true);
    expect(allowed('allOf', actor(P.CASE_ALL))).toBe(true);
    expect(allowed('allOf', actor(P.CASE_CREATE))).toBe('CASE4030');
    expect(allowed('allOf', actor(P.CASE_EDIT))).toBe('CASE4030');
  });

  it('authenticated: any actor passes, with or without permissions', () => {
    expect(allowed('anyone', actor())).toBe(true);
    expect(allowed('anyone', undefined)).toBe('CASE4030');
  });

  it('public needs no actor; a route that declares nothing is refused (fail closed)', () => {
    expect(allowed('open', undefined)).toBe(true);
    expect(allowed('undeclared', actor(P.CASE_ALL))).toBe('CASE4030');
  });
});
