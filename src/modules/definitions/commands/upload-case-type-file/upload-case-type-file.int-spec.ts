import { ConfigService } from '@nestjs/config';
import { existsSync, readdirSync } from 'node:fs';
import { createCaseType } from '../../../../../test/support/builders/definitions-http.builder';
import { multipart } from '../../../../../test/support/multipart';
import { refuseInserts } from '../../../../../test/support/refuse-inserts';
import { createHttpTestModule, TestApp } from '../../../../../test/support/test-module';
import { DefinitionsModule } from '../../definitions.module';
import { newTenant } from '../../../../../test/support/test-env';
import { bearer } from '../../../../../test/support/tokens';

describe('UploadCaseTypeFile (integration): the file is stored first, the row second', () => {
  let t: TestApp;
  let storageDir: string;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let lift: () => Promise<void>;

  beforeAll(async () => {
    t = await createHttpTestModule([DefinitionsModule]);
    storageDir = t.app.get(ConfigService).getOrThrow<string>('storage.dir');
    // A real database failure at the row write, for this test's tenant only.
    lift = await refuseInserts(t.dataSource, 'case_type_files', tenant);
  });

  afterAll(async () => {
    await lift();
    await t.close();
  });

  const storedFiles = () =>
    existsSync(storageDir)
      ? readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      : [];

  it('deletes the stored file when the row write fails, leaving neither', async () => {
    const caseTypeId = await createCaseType(t, admin);
    const { contentType, body } = multipart([{ filename: 'w.bpmn', content: 'x'.repeat(5000) }]);
    const outboxBefore = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE client_id = $1`,
      [tenant],
    );

    const res = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/workflows`)
      .set(admin)
      .set('Content-Type', contentType)
      .send(body);

    expect(res.status).toBe(500);
    expect(res.body.code).toBe('CASE5000');
    expect(storedFiles()).toEqual([]);
    const rows = await t.dataSource.query(`SELECT 1 FROM case_type_files WHERE client_id = $1`, [
      tenant,
    ]);
    expect(rows).toEqual([]);
    const outboxAfter = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE client_id = $1`,
      [tenant],
    );
    expect(outboxAfter).toEqual(outboxBefore);
  });

  it('stores files normally for tenants the failure does not concern', async () => {
    const other = bearer({ tenant: newTenant() });
    const caseTypeId = await createCaseType(t, other);
    const { contentType, body } = multipart([{ filename: 'ok.bpmn', content: 'ok' }]);
    const res = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/workflows`)
      .set(other)
      .set('Content-Type', contentType)
      .send(body);
    expect(res.status).toBe(201);
    expect(storedFiles()).toHaveLength(1);
  });
});
