import type { Response } from 'supertest';
import type { TestApp } from './test-app';

/**
 * The error envelope of API.md, whole: the expected status and code, the correlation id echoed in
 * its header, no stack trace.
 */
export function expectEnvelope(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.body).toEqual({
    statusCode: status,
    code,
    message: expect.any(String),
    ...(res.body.details ? { details: expect.any(Array) } : {}),
    correlationId: expect.any(String),
  });
  expect(res.headers['x-correlation-id']).toBe(res.body.correlationId);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
}

// superagent would JSON-encode a Buffer sent as application/json; send the bytes as they are.
const asIs = ((body: Buffer) => body) as unknown as (body: unknown) => string;

/** POSTs `body` to `path` byte for byte, under `contentType`, with `headers`. */
export const rawPoster =
  (t: TestApp, path: string, headers: Record<string, string>) =>
  (body: string | Buffer, contentType = 'application/json') =>
    t.http.post(path).set(headers).set('Content-Type', contentType).serialize(asIs).send(body);
