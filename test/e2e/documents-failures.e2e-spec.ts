import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { uploadDocument } from '../support/builders/documents.builder';
import { caseTrail } from '../support/case-trail';
import { storedFiles } from '../support/builders/definitions-http.builder';
import { LocalS3, startLocalS3 } from '../support/local-s3';
import { refuseInserts } from '../support/refuse-inserts';
import { createTestApp, TestApp } from '../support/test-app';
import { describeWithTmpfs, mountTmpfs, Tmpfs } from '../support/tmpfs';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const documentRows = (t: TestApp, tenant: string) =>
  t.dataSource.query(`SELECT id FROM case_documents WHERE client_id = $1`, [tenant]);

describe('Documents: the file is stored first, the row second (e2e)', () => {
  describe('the database write fails after the file was stored', () => {
    let t: TestApp;
    const tenant = newTenant();
    const admin = bearer({ tenant });
    let lift: () => Promise<void>;

    beforeAll(async () => {
      t = await createTestApp();
      // A real database failure at the row write, for this test's tenant only.
      lift = await refuseInserts(t.dataSource, 'case_documents', tenant);
    });
    afterAll(async () => {
      await lift();
      await t.close();
    });

    it('deletes the stored file and rolls the case back: neither row, file nor activity', async () => {
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const before = await caseTrail(t.dataSource, tenant, id);

      const res = await uploadDocument(t, admin, id, [
        { filename: 'scan.pdf', content: 'x'.repeat(50_000) },
      ]);

      expect(res.status).toBe(500);
      expect(res.body.code).toBe('CASE5000');
      expect(storedFiles(t)).toEqual([]);
      expect(await documentRows(t, tenant)).toEqual([]);
      const after = await caseTrail(t.dataSource, tenant, id);
      expect(after.row?.version).toBe(before.row?.version);
      expect(after.activities).toEqual(before.activities);
      expect(after.outbox).toEqual(before.outbox);
    });
  });

  describe('the storage write fails', () => {
    let t: TestApp;
    const tenant = newTenant();
    const admin = bearer({ tenant });

    beforeAll(async () => {
      // A regular file where the storage directory should be: every write to it fails.
      const notADirectory = join(tmpdir(), `cms-not-a-dir-${randomUUID()}`);
      writeFileSync(notADirectory, 'in the way');
      t = await createTestApp({ STORAGE_DIR: notADirectory });
    });
    afterAll(() => t.close());

    it('answers 503 CASE5031 and records no row, activity or version bump', async () => {
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const before = await caseTrail(t.dataSource, tenant, id);

      const res = await uploadDocument(t, admin, id, [{ filename: 'scan.pdf', content: 'x' }]);

      expect(res.status).toBe(503);
      expect(res.body.code).toBe('CASE5031');
      expect(await documentRows(t, tenant)).toEqual([]);
      const after = await caseTrail(t.dataSource, tenant, id);
      expect(after.row?.version).toBe(before.row?.version);
      expect(after.activities).toEqual(before.activities);
    });
  });

  describeWithTmpfs('the storage is full or read-only (a real tmpfs)', () => {
    let t: TestApp;
    let disk: Tmpfs;
    const tenant = newTenant();
    const admin = bearer({ tenant });

    beforeAll(async () => {
      disk = mountTmpfs('size=64k') as Tmpfs;
      t = await createTestApp({ STORAGE_DIR: disk.dir });
    });
    afterAll(async () => {
      await t.close();
      disk.unmount();
    });

    it('a full disk answers 507 CASE5070 and leaves neither file, part nor row', async () => {
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const content = Buffer.alloc(256 * 1024, 7);
      const res = await uploadDocument(t, admin, id, [{ filename: 'big.bin', content }]);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 507,
        code: 'CASE5070',
      });
      expect(storedFiles(t)).toEqual([]);
      expect(await documentRows(t, tenant)).toEqual([]);
    });

    it('a read-only storage answers 503 CASE5031', async () => {
      execFileSync('mount', ['-o', 'remount,ro', disk.dir]);
      try {
        const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
        const { id } = await createCase(t, tenant, { caseTypeId: type.id });
        const res = await uploadDocument(t, admin, id, [{ filename: 'a.txt', content: 'x' }]);
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 503,
          code: 'CASE5031',
        });
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', disk.dir]);
      }
    });
  });

  describe('the S3 bucket is missing', () => {
    let s3: LocalS3;
    let t: TestApp;
    const tenant = newTenant();
    const admin = bearer({ tenant });

    beforeAll(async () => {
      s3 = await startLocalS3('cms-e2e-present');
      t = await createTestApp({ ...s3.env(), S3_BUCKET: 'cms-e2e-absent' });
    });
    afterAll(async () => {
      await t.close();
      await s3.close();
    });

    it('answers 503 CASE5031 on upload and stores no row', async () => {
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const res = await uploadDocument(t, admin, id, [{ filename: 'a.txt', content: 'x' }]);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 503,
        code: 'CASE5031',
      });
      expect(await documentRows(t, tenant)).toEqual([]);
    });
  });
});
