import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  IS_PUBLIC_KEY,
  PERMISSION_MODE_KEY,
  PERMISSIONS_KEY,
} from '../../src/shared/auth/auth.decorators';
import { ALL_PERMISSIONS } from '../../src/shared/auth/permission.enum';
import { IdempotencyInterceptor } from '../../src/shared/http/idempotency.interceptor';
import { createTestApp, TestApp } from '../support/test-app';

interface Route {
  name: string;
  verb: string;
  /** The handler's own interceptors, in the order they run (no global one is registered). */
  interceptors: unknown[];
  isPublic: boolean;
  mode?: string;
  permissions?: string[];
}

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
  'x-permissions'?: { public?: boolean; mode?: string; permissions?: string[] };
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every handler method of every controller the application registered. */
function registeredRoutes(t: TestApp): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[methodName] as object;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const read = <T>(key: string): T | undefined =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        routes.push({
          name: `${controller.name}.${methodName} (${verb} ${String(Reflect.getMetadata(PATH_METADATA, controller))}/${String(Reflect.getMetadata(PATH_METADATA, handler))})`,
          verb,
          interceptors: [
            ...((Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? []) as unknown[]),
            ...((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[]),
          ],
          isPublic: read<boolean>(IS_PUBLIC_KEY) === true,
          mode: read<string>(PERMISSION_MODE_KEY),
          permissions: read<string[]>(PERMISSIONS_KEY),
        });
      }
    }
  }
  return routes;
}

describe('Kernel: every route declares who may call it (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of the registered controllers', () => {
    const names = registeredRoutes(t).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PrioritiesController.create'),
        expect.stringContaining('OAuthTokenController.issue'),
        expect.stringContaining('HealthController.check'),
        expect.stringContaining('MetricsController.scrape'),
      ]),
    );
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  it('every route is @Public() or declares a permission mode, never both', () => {
    const undeclared = registeredRoutes(t)
      .filter((r) => r.isPublic === (r.mode !== undefined))
      .map((r) => r.name);
    expect(undeclared).toEqual([]);
  });

  it('declared permissions are known CASE_* codes, and any/all modes name at least one', () => {
    const wrong = registeredRoutes(t)
      .filter((r) => !r.isPublic)
      .filter(
        (r) =>
          !['any', 'all', 'authenticated'].includes(r.mode ?? '') ||
          !Array.isArray(r.permissions) ||
          r.permissions.some((p) => !(ALL_PERMISSIONS as string[]).includes(p)) ||
          (r.mode !== 'authenticated' && r.permissions.length === 0),
      )
      .map((r) => r.name);
    expect(wrong).toEqual([]);
  });

  it('every POST runs the idempotency interceptor before any other, and no other verb runs it', () => {
    const routes = registeredRoutes(t);
    expect(routes.filter((r) => r.verb === 'POST').length).toBeGreaterThan(20);
    const wrong = routes
      .filter((r) =>
        r.verb === 'POST'
          ? r.interceptors[0] !== IdempotencyInterceptor ||
            r.interceptors.lastIndexOf(IdempotencyInterceptor) !== 0
          : r.interceptors.includes(IdempotencyInterceptor),
      )
      .map((r) => r.name);
    expect(wrong).toEqual([]);
  });

  it('only the operations endpoints and the token endpoint are public', () => {
    const publicRoutes = registeredRoutes(t)
      .filter((r) => r.isPublic)
      .map((r) => r.name.split(' ')[0])
      .sort();
    expect(publicRoutes).toEqual([
      'HealthController.check',
      'MetricsController.scrape',
      'OAuthTokenController.issue',
    ]);
  });
});

describe('Kernel: the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: {
    components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
    paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], Operation>>>;
    info: { description?: string };
    'x-error-codes': { code: string; status: number; message: string }[];
  };
  let operations: { label: string; method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http.get('/docs-json').expect(200);
    doc = res.body;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((m) => item[m]).map((method) => ({
        label: `${method.toUpperCase()} ${path}`,
        method,
        path,
        op: item[method] as Operation,
      })),
    );
  });
  afterAll(() => t.close());

  it('is served with a bearer scheme, and Swagger UI at /docs', async () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const ui = await t.http.get('/docs/').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('describes the public and the secured operations', () => {
    const labels = operations.map((o) => o.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /api/v1/oauth/token',
        'POST /api/v1/oauth/clients',
        'GET /api/v1/priorities',
      ]),
    );
    expect(labels).not.toContain('GET /metrics');
  });

  it('every non-public operation names its permissions, bearer auth, and 401/403', () => {
    const problems = operations
      .filter(({ op }) => !op['x-permissions']?.public)
      .flatMap(({ label, op }) => {
        const found: string[] = [];
        const x = op['x-permissions'];
        if (!x || !x.mode || !Array.isArray(x.permissions)) found.push('x-permissions');
        if (!op.security?.some((s) => 'bearer' in s)) found.push('security: bearer');
        if (!op.responses['401']) found.push('401');
        if (!op.responses['403']) found.push('403');
        return found.map((f) => `${label}: ${f}`);
      });
    expect(problems).toEqual([]);
  });

  it('public operations say so and ask for no token', () => {
    const publicOps = operations.filter(({ op }) => op['x-permissions']?.public);
    expect(publicOps.map((o) => o.label).sort()).toEqual([
      'GET /health',
      'POST /api/v1/oauth/token',
    ]);
    for (const { op } of publicOps) expect(op.security ?? []).toEqual([]);
  });

  it('every operation with a request body documents a 400', () => {
    const missing = operations
      .filter(({ op }) => op.requestBody !== undefined && !op.responses['400'])
      .map((o) => o.label);
    expect(operations.filter(({ op }) => op.requestBody !== undefined).length).toBeGreaterThan(2);
    expect(missing).toEqual([]);
  });

  it('every authenticated POST documents the Idempotency-Key header', () => {
    const missing = operations
      .filter(({ method, op }) => method === 'post' && !op['x-permissions']?.public)
      .filter(
        ({ op }) => !op.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'),
      )
      .map((o) => o.label);
    expect(missing).toEqual([]);
  });

  it('carries the error catalogue as x-error-codes, not as a table in the description', () => {
    const codes = doc['x-error-codes'].map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['CASE4001', 'CASE4095']));
    expect(doc['x-error-codes']).toContainEqual(
      expect.objectContaining({ code: 'CASE4095', status: 409, message: expect.any(String) }),
    );
    expect(doc.info.description).not.toContain('| CASE4001 |');
    expect(doc.info.description!.length).toBeLessThan(600);
  });
});
