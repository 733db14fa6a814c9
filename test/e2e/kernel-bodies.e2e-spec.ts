import { gzipSync } from 'node:zlib';
import { expectEnvelope, rawPoster } from '../support/raw-requests';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Kernel: request bodies the parsers refuse (e2e)', () => {
  let t: TestApp;
  const admin = bearer({ tenant: newTenant() });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const postRaw = (body: string | Buffer, contentType?: string) =>
    rawPoster(t, '/api/v1/priorities', admin)(body, contentType);

  describe('request bodies the JSON parser refuses', () => {
    it.each([['{bad'], ['{"name": "x",}'], ['null'], ['"a string"'], ['123'], ['{"name": "x"']])(
      '%s → 400 CASE4001',
      async (body) => {
        const res = await postRaw(body);
        expectEnvelope(res, 400, 'CASE4001');
        expect(res.body.message).toBe('The request body is not valid JSON.');
      },
    );

    it('a body over the default 1 MiB limit → 413 CASE4130', async () => {
      const res = await postRaw(JSON.stringify({ name: 'x'.repeat(1_100_000) }));
      expectEnvelope(res, 413, 'CASE4130');
    });

    it('a charset other than UTF-8 → 415 CASE4150', async () => {
      const res = await postRaw('{"name":"x"}', 'application/json; charset=latin1');
      expectEnvelope(res, 415, 'CASE4150');
      expect(res.body.message).toMatch(/latin1/);
    });

    it.each(['utf-16', 'UTF-32LE', '"utf-16be"'])(
      'JSON in %s, which body-parser would decode, → 415 CASE4150 too',
      async (charset) => {
        const body = Buffer.from('{"name":"x"}', 'utf16le');
        const res = await postRaw(body, `application/json; charset=${charset}`);
        expectEnvelope(res, 415, 'CASE4150');
        expect(res.body.message).toBe(
          `Charset '${charset.replace(/"/g, '').toLowerCase()}' is not supported; send UTF-8.`,
        );
      },
    );

    it('takes UTF-8 named in either case or quoted (the body then reaches validation)', async () => {
      for (const utf8 of ['UTF-8', '"utf-8"']) {
        const res = await postRaw('{"name":"x"}', `application/json; charset=${utf8}`);
        expect([utf8, res.body.code]).toEqual([utf8, 'CASE4000']);
      }
    });

    it('an unknown Content-Encoding → 415, a corrupt gzip body → 400, never 500', async () => {
      const unknown = await postRaw('{}').set('Content-Encoding', 'x-custom');
      expectEnvelope(unknown, 415, 'CASE4150');
      const corrupt = await postRaw('definitely not gzip').set('Content-Encoding', 'gzip');
      expectEnvelope(corrupt, 400, 'CASE4004');
      const corruptBrotli = await postRaw('{}').set('Content-Encoding', 'br');
      expectEnvelope(corruptBrotli, 400, 'CASE4004');
    });

    it('a valid gzip JSON body is accepted', async () => {
      const body = gzipSync(JSON.stringify({ name: 'Zipped', code: 'ZIP', level: 4 }));
      const res = await postRaw(body).set('Content-Encoding', 'gzip');
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({ code: 'ZIP' });
    });

    it.each(['text/plain', 'application/xml', 'text/html', 'application/octet-stream'])(
      'Content-Type %s on a JSON route → 415 CASE4150',
      async (type) => {
        const res = await postRaw('{"name":"x","code":"X","level":1}', type);
        expectEnvelope(res, 415, 'CASE4150');
        expect(res.body.message).toContain(type);
      },
    );

    it('a body without Content-Type → 415 CASE4150; a request without body is not refused', async () => {
      const res = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .set('Content-Length', '2')
        .send(Buffer.from('{}'))
        .unset('Content-Type');
      expectEnvelope(res, 415, 'CASE4150');
      const empty = await t.http.post('/api/v1/priorities').set(admin);
      expectEnvelope(empty, 400, 'CASE4000');
    });
  });
});
