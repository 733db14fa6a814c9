import type { Express } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

/**
 * ExpressHttpAdapter (src/shared/http/express-http-adapter.ts): Node builds each request and
 * response on Express's own prototypes, so Express's `setPrototypeOf` on them changes nothing.
 */
describe('Kernel: the HTTP server (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("builds requests and responses on Express's prototypes before Express sees them", async () => {
    const express = t.app.getHttpAdapter().getInstance() as Express;
    const server = t.app.getHttpServer() as Server;
    const seen: { request: boolean; response: boolean }[] = [];
    const record = (req: IncomingMessage, res: ServerResponse) =>
      seen.push({
        request: Object.getPrototypeOf(req) === express.request,
        response: Object.getPrototypeOf(res) === express.response,
      });
    server.prependListener('request', record);
    try {
      await t.http.get('/health').expect(200);
      const list = await t.http
        .get('/api/v1/priorities')
        .set(bearer({ tenant: newTenant() }))
        .expect(200);
      expect(list.body.data).toEqual(expect.any(Array));
    } finally {
      server.removeListener('request', record);
    }
    expect(seen).toEqual([
      { request: true, response: true },
      { request: true, response: true },
    ]);
  });
});
