import { createCase } from '../support/builders/case-lifecycle.builder';
import { storedFiles } from '../support/builders/definitions-http.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { uploadDocument } from '../support/builders/documents.builder';
import { FilePart } from '../support/multipart';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

/**
 * Idempotency-Key on uploads: a multipart request is fingerprinted by what it carries (the file's
 * bytes, name and type, and its other fields), known only once it has been read through.
 */
describe('Kernel: Idempotency-Key on uploads and other request parts (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = (await new DefinitionsBuilder(t.dataSource, tenant).caseType()).id;
  });
  afterAll(() => t.close());

  const file = (content: string, filename = 'a.txt'): FilePart => ({
    filename,
    contentType: 'text/plain',
    content,
  });
  const documents = (caseId: string): Promise<{ file_name: string }[]> =>
    t.dataSource.query(
      `SELECT file_name FROM case_documents WHERE client_id = $1 AND case_id = $2`,
      [tenant, caseId],
    );
  const upload = (caseId: string, key: string, parts: FilePart[]) =>
    uploadDocument(t, admin, caseId, parts, { 'Idempotency-Key': key });

  it('the same file again replays the first 201 and stores nothing more', async () => {
    const { id } = await createCase(t, tenant, { caseTypeId });
    const first = await upload(id, 'up-1', [file('first file')]);
    expect(first.status).toBe(201);
    const stored = storedFiles(t).length;

    const again = await upload(id, 'up-1', [file('first file')]);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    expect(storedFiles(t)).toHaveLength(stored);
    expect(await documents(id)).toHaveLength(1);
  });

  it('another file, file name or field under the same key is 400 CASE4008 and stores nothing', async () => {
    const { id } = await createCase(t, tenant, { caseTypeId });
    expect((await upload(id, 'up-2', [file('first file')])).status).toBe(201);
    const stored = storedFiles(t).length;

    const variants: FilePart[][] = [
      [file('second file')],
      [file('first file', 'b.txt')],
      [{ ...file('first file'), contentType: 'text/csv' }],
      [{ field: 'note', content: 'x' }, file('first file')],
    ];
    for (const parts of variants) {
      const res = await upload(id, 'up-2', parts);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'CASE4008',
      });
    }
    expect(storedFiles(t)).toHaveLength(stored);
    expect(await documents(id)).toEqual([{ file_name: 'a.txt' }]);
  });

  it('a different query string or media type under the same key is 400 CASE4008', async () => {
    const { id } = await createCase(t, tenant, { caseTypeId });
    expect((await upload(id, 'up-3', [file('same')])).status).toBe(201);
    const withQuery = await t.http
      .post(`/api/v1/cases/${id}/documents?note=1`)
      .set(admin)
      .set('Idempotency-Key', 'up-3')
      .attach('file', Buffer.from('same'), { filename: 'a.txt', contentType: 'text/plain' });
    expect(withQuery.status).toBe(400);
    expect(withQuery.body.code).toBe('CASE4008');

    const body = { name: 'Urgent', code: 'URG', level: 3 };
    const json = await t.http
      .post('/api/v1/priorities')
      .set(admin)
      .set('Idempotency-Key', 'p-1')
      .send(body);
    expect(json.status).toBe(201);
    const vendorJson = await t.http
      .post('/api/v1/priorities')
      .set(admin)
      .set('Idempotency-Key', 'p-1')
      .set('Content-Type', 'application/vnd.case+json')
      .send(JSON.stringify(body));
    expect(vendorJson.status).toBe(400);
    expect(vendorJson.body.code).toBe('CASE4008');
  });
});
