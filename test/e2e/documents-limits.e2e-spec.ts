import { randomBytes } from 'node:crypto';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { uploadDocument } from '../support/builders/documents.builder';
import { caseTrail } from '../support/case-trail';
import { storedFiles } from '../support/builders/definitions-http.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Documents: upload size limit (e2e, MAX_UPLOAD_BYTES=1024)', () => {
  let t: TestApp;
  let caseId: string;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_BYTES: '1024' });
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    caseId = (await createCase(t, tenant, { caseTypeId: type.id })).id;
  });
  afterAll(() => t.close());

  const upload = (size: number) =>
    uploadDocument(t, admin, caseId, [
      { filename: 'big.bin', contentType: 'application/octet-stream', content: randomBytes(size) },
    ]);

  it('accepts a file of exactly the limit', async () => {
    const res = await upload(1024);
    expect(res.status).toBe(201);
    expect(res.body.data.size).toBe(1024);
  });

  it('answers 413 CASE4130 over the limit and keeps neither file, row nor activity', async () => {
    const before = storedFiles(t).length;
    const trailBefore = await caseTrail(t.dataSource, tenant, caseId);
    for (const size of [1025, 64 * 1024, 3 * 1024 * 1024]) {
      const res = await upload(size);
      expect({ size, status: res.status }).toEqual({ size, status: 413 });
      expect(res.body).toMatchObject({ statusCode: 413, code: 'CASE4130' });
    }
    expect(storedFiles(t)).toHaveLength(before);
    expect(storedFiles(t).filter((f) => f.endsWith('.part'))).toEqual([]);
    const trailAfter = await caseTrail(t.dataSource, tenant, caseId);
    expect(trailAfter.row?.version).toBe(trailBefore.row?.version);
    expect(trailAfter.activities).toEqual(trailBefore.activities);
    const list = await t.http.get(`/api/v1/cases/${caseId}/documents`).set(admin);
    expect(list.body.data).toHaveLength(1);
  });
});
