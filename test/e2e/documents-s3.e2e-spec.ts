import { createHash, randomBytes } from 'node:crypto';
import { FileStorage } from '../../src/shared/storage/storage.port';
import { S3FileStorage } from '../../src/shared/storage/s3-file.storage';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { downloadDocument, uploadDocument } from '../support/builders/documents.builder';
import { storedFiles } from '../support/builders/definitions-http.builder';
import { LocalS3, startLocalS3 } from '../support/local-s3';
import { refuseInserts } from '../support/refuse-inserts';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Documents on STORAGE_DRIVER=s3 (e2e, s3rver on 127.0.0.1)', () => {
  let s3: LocalS3;
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    s3 = await startLocalS3('cms-e2e-documents');
    t = await createTestApp(s3.env());
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('selects the S3 adapter', () => {
    expect(t.app.get(FileStorage)).toBeInstanceOf(S3FileStorage);
  });

  it('uploads to the bucket, downloads byte-exact and removes the object', async () => {
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    const { id } = await createCase(t, tenant, { caseTypeId: type.id });
    const content = randomBytes(6 * 1024 * 1024 + 17);
    const sha256 = createHash('sha256').update(content).digest('hex');

    const res = await uploadDocument(t, admin, id, [
      { filename: 'dump.bin', contentType: 'application/octet-stream', content },
    ]);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ size: content.length, sha256 });
    const [key] = await t.dataSource.query(
      `SELECT storage_key FROM case_documents WHERE client_id = $1 AND id = $2`,
      [tenant, res.body.data.id],
    );
    expect(await s3.keys()).toContain(key.storage_key);
    expect(storedFiles(t)).toEqual([]);

    const got = await downloadDocument(t, admin, id, res.body.data.id);
    expect(got.status).toBe(200);
    expect(got.headers['content-length']).toBe(String(content.length));
    expect(
      createHash('sha256')
        .update(got.body as Buffer)
        .digest('hex'),
    ).toBe(sha256);

    const removed = await t.http
      .delete(`/api/v1/cases/${id}/documents/${res.body.data.id}`)
      .set(admin);
    expect(removed.status).toBe(200);
    expect(await s3.keys()).not.toContain(key.storage_key);
    expect((await downloadDocument(t, admin, id, res.body.data.id)).status).toBe(404);
  });

  it('deletes the object again when the row write fails after it was stored', async () => {
    const failing = newTenant();
    const lift = await refuseInserts(t.dataSource, 'case_documents', failing);
    try {
      const type = await new DefinitionsBuilder(t.dataSource, failing).caseType();
      const { id } = await createCase(t, failing, { caseTypeId: type.id });
      const keysBefore = await s3.keys();
      const res = await uploadDocument(t, bearer({ tenant: failing }), id, [
        { filename: 'scan.pdf', content: randomBytes(70_000) },
      ]);
      expect(res.status).toBe(500);
      expect(await s3.keys()).toEqual(keysBefore);
    } finally {
      await lift();
    }
  });

  it('answers a stored object that went missing with 404 CASE4052', async () => {
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    const { id } = await createCase(t, tenant, { caseTypeId: type.id });
    const res = await uploadDocument(t, admin, id, [{ filename: 'a.txt', content: 'a' }]);
    const [row] = await t.dataSource.query(
      `SELECT storage_key FROM case_documents WHERE client_id = $1 AND id = $2`,
      [tenant, res.body.data.id],
    );
    await t.app.get(FileStorage).delete(row.storage_key);
    const got = await downloadDocument(t, admin, id, res.body.data.id);
    expect(got.status).toBe(404);
    expect(JSON.parse((got.body as Buffer).toString()).code).toBe('CASE4052');
  });
});
