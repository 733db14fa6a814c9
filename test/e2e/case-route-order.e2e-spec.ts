import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FEATURE_MODULES, KERNEL_MODULES } from '../../src/app.module';
import { MediaTypeGuard } from '../../src/shared/http/media-type.guard';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

/** The application's modules with the features in the reverse of AppModule's order. */
@Module({
  imports: [...KERNEL_MODULES, ...[...FEATURE_MODULES].reverse()],
  providers: [{ provide: APP_GUARD, useClass: MediaTypeGuard }],
})
class ReversedAppModule {}

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** The Express routes in the order they match, with a concrete path for each (params → `x`). */
function expressRoutes(
  t: TestApp,
): { method: string; path: string; sample: string; layer: RouteLayer }[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack.flatMap((layer) =>
    Object.keys(layer.route?.methods ?? {}).map((method) => ({
      method,
      path: layer.route!.path,
      sample: layer.route!.path.replace(/:[A-Za-z_]+/g, 'x'),
      layer,
    })),
  );
}

describe('Case routes do not depend on module order (e2e)', () => {
  const tenant = newTenant();
  const viewer = bearer({ tenant });

  describe('with the feature modules in reverse order', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({}, { root: ReversedAppModule });
    });
    afterAll(() => t?.close());

    it.each(['assigned', 'mine', 'unassigned'])(
      'GET /cases/%s is the list, not a case id',
      async (view) => {
        const res = await t.http.get(`/api/v1/cases/${view}`).set(viewer);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ data: [], page: { limit: 50, nextCursor: null } });
      },
    );

    it('GET /cases/:id still answers a case id', async () => {
      const res = await t.http.get(`/api/v1/cases/CM${tenant}-1`).set(viewer);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CASE4045');
    });
  });

  describe('in the application', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('no route is hidden behind an earlier route with a parameter', () => {
      const routes = expressRoutes(t);
      expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('get /api/v1/cases/assigned');
      // Middleware mounted on every path (`/{*path}`) passes requests on; `/docs/` is `/docs`.
      const handlers = routes.filter((r) => !r.path.includes('*'));
      const same = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
      const shadowed = handlers.flatMap((later, j) =>
        handlers
          .slice(0, j)
          .filter((earlier) => earlier.method === later.method && !same(earlier.path, later.path))
          .filter((earlier) => earlier.layer.match(later.sample))
          .map((earlier) => `${later.method} ${later.path} is taken by ${earlier.path}`),
      );
      expect(shadowed).toEqual([]);
    });
  });
});
