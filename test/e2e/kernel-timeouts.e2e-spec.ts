import { AddressInfo, connect, Socket } from 'node:net';
import { createTestApp, TestApp } from '../support/test-app';

interface Exchange {
  received: string;
  closedAfterMs: number;
}

/** Sends `data` on a raw socket and collects everything until the server closes it. */
function exchange(port: number, data: string, limitMs = 10_000): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(data));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ received, closedAfterMs: Date.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${limitMs} ms; received ${JSON.stringify(received)}`));
    }, limitMs).unref();
  });
}

const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

describe('Kernel: slow, idle and malformed clients (e2e, raw sockets)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({
      HTTP_HEADERS_TIMEOUT_MS: '600',
      HTTP_REQUEST_TIMEOUT_MS: '1200',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '400',
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    // The contract check compiles the OpenAPI document on the first answer, blocking the event
    // loop for a while: do it now, not inside a measured exchange.
    await t.http.get('/health');
  });
  afterAll(() => t.close());

  it('answers partial headers with 408 CASE4080 and closes the socket', async () => {
    const res = await exchange(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n');
    expect(res.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(res.received)).toMatchObject({
      statusCode: 408,
      code: 'CASE4080',
      correlationId: expect.any(String),
    });
    expect(res.closedAfterMs).toBeLessThan(3_000);
  });

  it('answers a body that stops arriving with 408 once the request timeout is over', async () => {
    const head = 'POST /api/v1/priorities HTTP/1.1\r\nHost: localhost\r\n';
    const res = await exchange(
      port,
      `${head}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    );
    expect(res.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(res.closedAfterMs).toBeLessThan(4_000);
  });

  it('closes an idle keep-alive connection after its timeout', async () => {
    const res = await exchange(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(res.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(res.closedAfterMs).toBeLessThan(3_000);
  });

  it('answers bytes that are not HTTP with a coded 400', async () => {
    const res = await exchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(res.received).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(res.received)).toMatchObject({
      statusCode: 400,
      code: 'CASE4004',
      correlationId: expect.any(String),
    });
  });

  it('answers headers past the size limit with a coded 431 in the error envelope', async () => {
    // Node's limit on a request's headers is 16 KiB; one header of 20 000 bytes passes it.
    const res = await exchange(
      port,
      `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(res.received).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    const body = bodyOf(res.received) as { correlationId: string };
    expect(body).toEqual({
      statusCode: 431,
      code: 'CASE4310',
      message: 'The request headers are too large.',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.received).toContain(`X-Correlation-Id: ${body.correlationId}\r\n`);
  });

  it('answers an Expect other than 100-continue with a coded 417, where Node sends no body', async () => {
    const res = await exchange(
      port,
      'GET /health HTTP/1.1\r\nHost: localhost\r\nExpect: foo\r\n\r\n',
    );
    expect(res.received).toMatch(/^HTTP\/1\.1 417 /);
    expect(bodyOf(res.received)).toMatchObject({ statusCode: 417, code: 'CASE4170' });
  });

  it('answers CONNECT, which no route takes, with 404 CASE4040 instead of a silent close', async () => {
    const res = await exchange(
      port,
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n',
    );
    expect(res.received).toMatch(/^HTTP\/1\.1 404 /);
    expect(bodyOf(res.received)).toMatchObject({
      statusCode: 404,
      code: 'CASE4040',
      correlationId: expect.any(String),
    });
  });
});
