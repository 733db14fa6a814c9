import { ALL_PERMISSIONS, Permission } from '../../src/shared/auth/permission.enum';
import { TestApp } from './test-app';
import { bearer } from './tokens';

export interface SecuredRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  body?: object;
  /** Any one of these passes (or all of them with mode 'all'). */
  permissions: Permission[];
  mode?: 'any' | 'all';
}

async function call(
  t: TestApp,
  route: SecuredRoute,
  headers: Record<string, string>,
): Promise<number> {
  const req = t.http[route.method](route.path).set(headers);
  const res = await (route.body ? req.send(route.body) : req);
  return res.status;
}

/**
 * The permission matrix of one route: no token → 401; a token without the permission → 403;
 * each listed permission (or all together, in 'all' mode) and CASE_ALL get past the guards.
 */
export async function expectPermissionMatrix(
  t: TestApp,
  tenant: string,
  route: SecuredRoute,
): Promise<void> {
  const label = `${route.method.toUpperCase()} ${route.path}`;
  const outcome: Record<string, number> = {};
  outcome['no token'] = await call(t, route, {});
  const others = ALL_PERMISSIONS.filter(
    (p) => p !== Permission.CASE_ALL && !route.permissions.includes(p),
  );
  outcome['other permissions'] = await call(t, route, bearer({ tenant, permissions: others }));
  outcome.CASE_ALL = await call(t, route, bearer({ tenant, permissions: [Permission.CASE_ALL] }));
  if (route.mode === 'all') {
    outcome['all listed'] = await call(
      t,
      route,
      bearer({ tenant, permissions: route.permissions }),
    );
    for (const p of route.permissions) {
      outcome[`only ${p}`] = await call(t, route, bearer({ tenant, permissions: [p] }));
    }
  } else {
    for (const p of route.permissions) {
      outcome[p] = await call(t, route, bearer({ tenant, permissions: [p] }));
    }
  }
  const expected: Record<string, string> = {};
  const actual: Record<string, string> = {};
  for (const [who, status] of Object.entries(outcome)) {
    const denied =
      who === 'no token'
        ? 401
        : who === 'other permissions' || who.startsWith('only ')
          ? 403
          : null;
    expected[who] = denied ? String(denied) : 'passes guards';
    actual[who] = denied
      ? String(status)
      : status === 401 || status === 403
        ? String(status)
        : 'passes guards';
  }
  expect({ route: label, ...actual }).toEqual({ route: label, ...expected });
}
