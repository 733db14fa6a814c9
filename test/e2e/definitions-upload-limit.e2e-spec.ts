import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { multipart } from '../support/multipart';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Definitions: upload size limit (e2e, MAX_UPLOAD_BYTES=1024)', () => {
  let t: TestApp;
  let storageDir: string;
  const admin = bearer({ tenant: newTenant() });

  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_BYTES: '1024' });
    storageDir = t.app.get(ConfigService).getOrThrow<string>('storage.dir');
  });
  afterAll(() => t.close());

  const entries = () =>
    existsSync(storageDir) ? readdirSync(storageDir, { recursive: true }) : [];

  const upload = (caseTypeId: string, size: number) => {
    const { contentType, body } = multipart([
      { filename: 'big.bin', contentType: 'application/octet-stream', content: randomBytes(size) },
    ]);
    return t.http
      .post(`/api/v1/case-types/${caseTypeId}/workflows`)
      .set(admin)
      .set('Content-Type', contentType)
      .send(body);
  };

  it('accepts a file of exactly the limit', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const res = await upload(caseTypeId, 1024);
    expect(res.status).toBe(201);
    expect(res.body.data.size).toBe(1024);
  });

  it('answers 413 CASE4130 over the limit and keeps neither file nor row', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const files = () =>
      readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const before = existsSync(storageDir) ? files().length : 0;
    for (const size of [1025, 64 * 1024, 2 * 1024 * 1024]) {
      const res = await upload(caseTypeId, size);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'CASE4130' });
    }
    expect(files().length).toBe(before);
    expect(entries().filter((e) => String(e).endsWith('.part'))).toEqual([]);
    const list = await t.http.get(`/api/v1/case-types/${caseTypeId}/files`).set(admin);
    expect(list.body.data).toEqual([]);
  });
});
