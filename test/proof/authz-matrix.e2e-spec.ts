import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  IS_PUBLIC_KEY,
  PERMISSION_MODE_KEY,
  PERMISSIONS_KEY,
} from '../../src/shared/auth/auth.decorators';
import { ALL_PERMISSIONS, Permission } from '../../src/shared/auth/permission.enum';
import { VIEW_PERMISSIONS } from '../../src/modules/cases/domain/case-visibility';
import { multipart } from '../support/multipart';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';
import { ProofDataset, resolvePath, seedDataset } from './proof-dataset';

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Mode = 'public' | 'any' | 'all' | 'authenticated';

interface Route {
  controller: string;
  method: Verb;
  path: string;
  mode: Mode;
  permissions: Permission[];
}

const CONCURRENCY = 8;
const PASS = 'passes guards';
type Controller = new (...args: never[]) => unknown;

function routesOf(controller: Controller): Route[] {
  const scanner = new MetadataScanner();
  const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
  if (prefix === undefined) return [];
  return scanner.getAllMethodNames(controller.prototype).flatMap((name) => {
    const handler = (controller.prototype as Record<string, unknown>)[name] as object;
    const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
    if (sub === undefined) return [];
    const read = <T>(key: string): T | undefined =>
      Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
    const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
    const isPublic = read<boolean>(IS_PUBLIC_KEY) === true;
    return [
      {
        controller: `${controller.name}.${name}`,
        method: verb.toLowerCase() as Verb,
        path: `/${[prefix, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
        mode: isPublic ? 'public' : (read<Mode>(PERMISSION_MODE_KEY) ?? 'any'),
        permissions: read<Permission[]>(PERMISSIONS_KEY) ?? [],
      },
    ];
  });
}

/** Every controller under src, read at collection time so each route gets its own `it`. */
function discoverRoutes(): Route[] {
  const root = join(__dirname, '../../src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (f) =>
      f.endsWith('.ts') &&
      !/\.(spec|int-spec)\.ts$/.test(f) &&
      readFileSync(join(root, f), 'utf8').includes('@Controller('),
  );
  const routes = files.flatMap((file) =>
    Object.values(jest.requireActual<Record<string, unknown>>(join(root, file)))
      .filter((value): value is Controller => typeof value === 'function')
      .flatMap(routesOf),
  );
  // Deletes last, children before parents, so the resources stay for the other routes.
  const rank = (r: Route) =>
    r.method !== 'delete' ? 0 : 10 - r.path.split('/').filter(Boolean).length;
  return routes.sort((a, b) => rank(a) - rank(b));
}

const ROUTES = discoverRoutes();
const hasId = (r: Route) => /:(id|clientId)\b/.test(r.path);
const PER_CASE = ROUTES.filter((r) => r.path.startsWith('/api/v1/cases/:id'));
const isView = (p: Permission) => (VIEW_PERMISSIONS as readonly Permission[]).includes(p);
const { CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED } = Permission;

/** The route's own permission(s) without the view ones: what a caller needs besides seeing. */
function ownPermissions(route: Route): Permission[] {
  const own = route.permissions.filter((p) => !isView(p));
  return route.mode === 'all' ? own : own.slice(0, 1);
}

/** Bodies the validation would accept, for the other-tenant check to reach the handler. */
const VALID_BODIES: Record<string, object> = {
  'patch /api/v1/priorities/:id': { name: 'Renamed' },
  'patch /api/v1/solutions/:id': { name: 'Renamed' },
  'patch /api/v1/processes/:id': { name: 'Renamed' },
  'patch /api/v1/case-types/:id': { name: 'Renamed' },
  'patch /api/v1/calendars/:id': { name: 'Renamed' },
  'post /api/v1/case-types/:id/sla-preview': { slas: [] },
  'patch /api/v1/cases/:id': { details: 'Edited' },
  'post /api/v1/cases/:id/resolve': { resolution: 'Fixed' },
  'post /api/v1/cases/:id/transfer': { caseTypeId: '00000000-0000-4000-8000-000000000000' },
  'post /api/v1/cases/:id/comments': { text: 'x' },
  'post /api/v1/cases/:id/initiator-comments': { text: 'x' },
  'post /api/v1/cases/:id/messages': { subject: 'x', body: 'x' },
  'post /api/v1/cases/:id/messages/inbound': { subject: 'x', body: 'x', from: 'a@b.c' },
  'post /api/v1/cases/:id/tags': { tags: ['x'] },
  'post /api/v1/cases/:id/watchers': { userId: 'alice' },
  'post /api/v1/cases/:id/milestones': { name: 'x' },
  'put /api/v1/notification-templates/:kind/:locale': { subject: 'x', body: 'y' },
  'post /api/v1/cases/:id/links': {
    type: 'related',
    caseId: '00000000-0000-4000-8000-000000000000',
  },
  'post /api/v1/cases/:id/merge': { intoCaseId: '00000000-0000-4000-8000-000000000000' },
};

/**
 * Routes whose resource asks for more than the guard: the seeded view runs the `all` list, so
 * running it needs that list's own permission (checked by the handler, 403 as well).
 */
const RESOURCE_PERMISSIONS: Record<string, Permission[]> = {
  'get /api/v1/views/:id/cases': [Permission.CASE_VIEW],
};

/** Query strings the validation would accept, for the same reason. */
const VALID_QUERIES: Record<string, string> = {
  'get /api/v1/calendars/:id/business-time': '?from=2026-03-06T15:00:00Z&addMinutes=240',
  'get /api/v1/events/stream': '?maxSeconds=0',
};

/** The documented outcome for one caller of one route. */
function expected(route: Route, who: Permission[] | 'none' | 'expired'): string {
  if (route.mode === 'public') return PASS;
  if (who === 'none') return '401 CASE4010';
  if (who === 'expired') return '401 CASE4011';
  if (route.mode === 'authenticated' || who.includes(Permission.CASE_ALL)) return PASS;
  const held = (p: Permission) => who.includes(p);
  const ok = route.mode === 'all' ? route.permissions.every(held) : route.permissions.some(held);
  const resource = RESOURCE_PERMISSIONS[key(route)] ?? [];
  const reached = resource.length === 0 || resource.some(held);
  return ok && reached ? PASS : '403 CASE4030';
}

/** A guard's refusal with its error code; anything else got past the guards. */
const outcome = (res: { status: number; body: { code?: string } }) =>
  res.status === 401 || res.status === 403 ? `${res.status} ${String(res.body.code)}` : PASS;

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    await Promise.all(items.slice(i, i + CONCURRENCY).map(run));
  }
}

describe('Authorization matrix: every route × every permission (e2e)', () => {
  let t: TestApp;
  let data: ProofDataset;
  let stranger: ProofDataset;
  const tenant = newTenant();
  const otherTenant = newTenant();

  beforeAll(async () => {
    t = await createTestApp();
    data = await seedDataset(t, tenant);
    stranger = await seedDataset(t, otherTenant);
  }, 120_000);
  /** Alice's case assigned to bob, with a tag, a comment and a document, for the visibility rows. */
  let seen: ProofDataset;

  beforeAll(async () => {
    const admin = bearer({ tenant, user: data.user });
    const kase = await t.http
      .post('/api/v1/cases')
      .set(admin)
      .send({ caseTypeId: data.caseTypeId, details: 'Assigned', assignedToUsers: ['bob'] })
      .expect(201);
    const caseId = kase.body.data.id as string;
    await t.http
      .post(`/api/v1/cases/${caseId}/tags`)
      .set(admin)
      .send({ tags: ['vip'] });
    await t.http.post(`/api/v1/cases/${caseId}/comments`).set(admin).send({ text: 'Hi' });
    const file = multipart([{ filename: 'a.png', contentType: 'image/png', content: '<x/>' }]);
    const doc = await t.http
      .post(`/api/v1/cases/${caseId}/documents`)
      .set(admin)
      .set('Content-Type', file.contentType)
      .send(file.body)
      .expect(201);
    seen = {
      ...data,
      caseId,
      documentId: (doc.body.data.documentId ?? doc.body.data.id) as string,
    };
  }, 60_000);

  let requests = 0;
  afterAll(async () => {
    process.stdout.write(`authz matrix: ${ROUTES.length} routes, ${requests} requests\n`);
    await t.close();
  });

  it('covers every route the application registered, and they are the documented kinds', () => {
    const registered: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        if (wrapper.metatype) registered.push(...routesOf(wrapper.metatype as Controller).map(key));
      }
    }
    expect(ROUTES.map(key).sort()).toEqual([...new Set(registered)].sort());
    expect(ROUTES.length).toBeGreaterThanOrEqual(60);
    expect(ALL_PERMISSIONS).toHaveLength(40);
  });

  const send = (route: Route, path: string, headers: Record<string, string>, body?: object) => {
    const req = t.http[route.method](path).set(headers).set('If-Match', '99999');
    return route.method === 'get' ? req : req.send(body ?? { unexpectedField: true });
  };

  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path} (${r.mode})`, r] as const))(
    '%s',
    async (_label, route) => {
      const path = resolvePath(route.path, data) + (VALID_QUERIES[key(route)] ?? '');
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      if (hasId(route)) {
        // Another tenant with every permission must not see the resource at all.
        const res = await send(
          route,
          path,
          bearer({ tenant: stranger.tenant, user: data.user }),
          VALID_BODIES[`${route.method} ${route.path}`] ?? {},
        );
        requests += 1;
        actual['other tenant, CASE_ALL'] = String(res.status);
        wanted['other tenant, CASE_ALL'] = '404';
      }
      const callers: [string, Permission[] | 'none' | 'expired'][] = [
        ['no token', 'none'],
        ['expired token', 'expired'],
        ...ALL_PERMISSIONS.map((p) => [p, [p]] as [string, Permission[]]),
      ];
      if (route.mode === 'all') callers.push([route.permissions.join('+'), route.permissions]);
      await inBatches(callers, async ([name, who]) => {
        const headers =
          who === 'none'
            ? {}
            : who === 'expired'
              ? bearer({ tenant, user: data.user, expiresIn: -60 })
              : bearer({ tenant, user: data.user, permissions: who });
        const res = await send(route, path, headers);
        actual[name] = outcome(res);
        wanted[name] = expected(route, who);
        requests += 1;
        if (route.method === 'get' && name === Permission.CASE_ALL) {
          // With the real ids of the seeded tenant, a read gets through to the data.
          actual['CASE_ALL reads'] = String(res.status);
          wanted['CASE_ALL reads'] = '200';
        }
      });
      expect(actual).toEqual(wanted);
    },
  );

  it('has per-case routes to check visibility on', () => {
    expect(PER_CASE.length).toBeGreaterThanOrEqual(25);
    expect(PER_CASE.filter((r) => r.method === 'get').length).toBeGreaterThanOrEqual(6);
  });

  it.each(PER_CASE.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    'visibility of %s: the route permission alone does not show a case',
    async (_label, route) => {
      const path = resolvePath(route.path, seen);
      const body = VALID_BODIES[`${route.method} ${route.path}`] ?? {};
      const own = ownPermissions(route);
      const as = (user: string, permissions: Permission[]) =>
        send(route, path, bearer({ tenant, user, permissions, groups: ['g1'] }), body);
      const outcome = async (user: string, permissions: Permission[]) => {
        const res = await as(user, permissions);
        requests += 1;
        return res.status === 404 ? `404 ${String(res.body.code)}` : String(res.status);
      };
      const actual: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      // Views carol holds, none of which shows a case assigned to bob and initiated by alice.
      const blind = [CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED];
      actual['carol, route permission + other views'] = await outcome('carol', [...own, ...blind]);
      wanted['carol, route permission + other views'] = '404 CASE4045';
      if (own.length > 0) {
        actual['bob, route permission only'] = await outcome('bob', own);
        wanted['bob, route permission only'] = '404 CASE4045';
      }
      if (route.method === 'get') {
        actual['bob, assigned'] = await outcome('bob', [...own, CASE_VIEW_ASSIGNED]);
        wanted['bob, assigned'] = '200';
        actual['alice, initiator'] = await outcome('alice', [...own, CASE_VIEW_MINE]);
        wanted['alice, initiator'] = '200';
      }
      expect({ route: key(route), ...actual }).toEqual({ route: key(route), ...wanted });
    },
  );
});
function key(r: Route): string {
  return `${r.method} ${r.path}`;
}
